#!/usr/bin/env python3
"""Adds <incoming>/<outgoing> references and a diagram (BPMN DI) to hand-written BPMN files.

For bootstrapping a new diagram written as XML: afterwards the file is edited in Camunda Modeler like any
other. Existing DI is replaced. Usage: python3 dev/bpmn_layout.py processes/incident/incident-lifecycle.bpmn
"""
import sys
import xml.etree.ElementTree as ET

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "camunda": "http://camunda.org/schema/1.0/bpmn",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "modeler": "http://camunda.org/schema/modeler/1.0",
}
for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)
B = "{%s}" % NS["bpmn"]

TASKS = {"task", "userTask", "serviceTask", "sendTask", "receiveTask", "businessRuleTask", "scriptTask",
         "manualTask", "callActivity"}
EVENTS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"}
GATEWAYS = {"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"}
CONTAINERS = {"subProcess", "transaction"}
COL_GAP, ROW_GAP, MARGIN = 50, 60, 40


def local(tag):
    if not isinstance(tag, str):  # comments
        return ""
    return tag.split("}")[1] if "}" in tag else tag


class Box:
    def __init__(self, element, w, h):
        self.element, self.w, self.h, self.x, self.y = element, w, h, 0, 0
        self.children = None  # inner layout of an expanded sub-process


def size(element):
    kind = local(element.tag)
    if kind in TASKS:
        return 100, 80
    if kind in EVENTS:
        return 36, 36
    if kind in GATEWAYS:
        return 50, 50
    return 100, 80


def layout(container, shapes, edges):
    """Lays out the flow nodes of a process or sub-process; returns (width, height) of what it placed."""
    nodes = [e for e in container if local(e.tag) in TASKS | EVENTS | GATEWAYS | CONTAINERS
             and local(e.tag) != "boundaryEvent" and e.get("triggeredByEvent") != "true"]
    event_subs = [e for e in container if local(e.tag) == "subProcess" and e.get("triggeredByEvent") == "true"]
    boundaries = [e for e in container if local(e.tag) == "boundaryEvent"]
    flows = [e for e in container if local(e.tag) == "sequenceFlow"]
    by_id = {e.get("id"): e for e in nodes + boundaries}

    # incoming / outgoing references, as Camunda Modeler writes them
    for element in nodes + boundaries + event_subs:
        for ref in element.findall(B + "incoming") + element.findall(B + "outgoing"):
            element.remove(ref)
    for flow in flows:
        for ref, side in ((flow.get("sourceRef"), "outgoing"), (flow.get("targetRef"), "incoming")):
            element = by_id[ref]
            before = ("documentation", "extensionElements", "incoming") + (("outgoing",) if side == "outgoing" else ())
            position = sum(1 for c in element if local(c.tag) in before)
            child = ET.Element(B + side)
            child.text = flow.get("id")
            element.insert(position, child)

    boxes = {}
    for element in nodes:
        if local(element.tag) in CONTAINERS:
            box = Box(element, 0, 0)
            box.children = {}
            w, h = layout(element, box.children, edges)
            box.w, box.h = w + 2 * MARGIN, h + 2 * MARGIN
        else:
            box = Box(element, *size(element))
        boxes[element.get("id")] = box

    host_of = {b.get("id"): b.get("attachedToRef") for b in boundaries}
    succ = {i: [] for i in boxes}
    for flow in flows:
        source, target = flow.get("sourceRef"), flow.get("targetRef")
        source = host_of.get(source, source)
        succ[source].append((target, flow.get("sourceRef") in host_of))

    # layers: longest path from the start events, ignoring the edges that close a loop
    order, state = [], {}
    def visit(node):
        state[node] = 1
        for target, _ in succ[node]:
            if state.get(target) is None:
                visit(target)
        state[node] = 2
        order.append(node)
    starts = [i for i in boxes if local(boxes[i].element.tag) == "startEvent"] + list(boxes)
    for node in starts:
        if state.get(node) is None:
            visit(node)
    order.reverse()
    rank = {node: i for i, node in enumerate(order)}
    layer = {node: 0 for node in boxes}
    for node in order:
        for target, _ in succ[node]:
            if rank[target] > rank[node]:
                layer[target] = max(layer[target], layer[node] + 1)

    # rows: a node continues the row of its first predecessor; branches and escalations go below
    row, taken = {}, set()
    def place(node, wanted):
        r = wanted
        while (layer[node], r) in taken:
            r += 1
        row[node] = r
        taken.add((layer[node], r))
    for node in order:
        if node not in row:
            place(node, 0 if not taken else max(r for _, r in taken) + 1
                  if local(boxes[node].element.tag) == "startEvent" and row else 0)
        branch = 0
        for target, from_boundary in succ[node]:
            if target in row or rank[target] < rank[node]:
                continue
            place(target, row[node] + (1 if from_boundary else branch))
            branch += 1

    layers = max(layer.values(), default=0) + 1
    rows = max(row.values(), default=0) + 1
    col_w = [max([boxes[n].w for n in boxes if layer[n] == c] or [0]) for c in range(layers)]
    row_h = [max([boxes[n].h for n in boxes if row[n] == r] or [0]) for r in range(rows)]
    col_x = [sum(col_w[:c]) + c * COL_GAP for c in range(layers)]
    row_y = [sum(row_h[:r]) + r * ROW_GAP for r in range(rows)]
    for node, box in boxes.items():
        box.x = col_x[layer[node]] + (col_w[layer[node]] - box.w) / 2
        box.y = row_y[row[node]] + (row_h[row[node]] - box.h) / 2
        shapes[node] = box
    width = (col_x[-1] + col_w[-1]) if boxes else 0
    height = (row_y[-1] + row_h[-1]) if boxes else 0

    # boundary events sit on the lower edge of their host
    per_host = {}
    for boundary in boundaries:
        host = shapes[boundary.get("attachedToRef")]
        k = per_host.get(host, 0)
        per_host[host] = k + 1
        box = Box(boundary, 36, 36)
        box.x, box.y = host.x + host.w - 18 - 36 - k * 44, host.y + host.h - 18
        shapes[boundary.get("id")] = box

    # event sub-processes below the flow
    for sub in event_subs:
        box = Box(sub, 0, 0)
        box.children = {}
        w, h = layout(sub, box.children, edges)
        box.w, box.h = w + 2 * MARGIN, h + 2 * MARGIN
        box.x, box.y = 0, height + ROW_GAP
        shapes[sub.get("id")] = box
        width, height = max(width, box.w), box.y + box.h

    for flow in flows:
        edges.append((flow, shapes))
    return width, height


def offset(shapes, dx, dy):
    """Moves the shapes of one level; nested levels follow their sub-process in main()."""
    for box in shapes.values():
        box.x += dx
        box.y += dy


def waypoints(flow, shapes):
    s, t = shapes[flow.get("sourceRef")], shapes[flow.get("targetRef")]
    sx, sy, tx, ty = s.x + s.w / 2, s.y + s.h / 2, t.x + t.w / 2, t.y + t.h / 2
    if local(s.element.tag) == "boundaryEvent":
        return [(sx, s.y + s.h), (sx, ty), (t.x, ty)] if t.x > sx else [(sx, s.y + s.h), (sx, t.y + t.h + 20),
                                                                          (tx, t.y + t.h + 20), (tx, t.y + t.h)]
    if t.x > s.x + s.w / 2:
        if abs(sy - ty) < 1:
            return [(s.x + s.w, sy), (t.x, ty)]
        if local(s.element.tag) in GATEWAYS:
            return [(sx, s.y + s.h if ty > sy else s.y), (sx, ty), (t.x, ty)]
        mid = t.x - 25
        return [(s.x + s.w, sy), (mid, sy), (mid, ty), (t.x, ty)]
    # a loop back: below every shape of its level
    loop = max(box.y + box.h for box in shapes.values() if local(box.element.tag) != "boundaryEvent") + 25
    return [(sx, s.y + s.h), (sx, loop), (tx, loop), (tx, t.y + t.h)]


def write_di(plane, shapes, edges):
    for element_id, box in shapes.items():
        shape = ET.SubElement(plane, "{%s}BPMNShape" % NS["bpmndi"], id=element_id + "_di", bpmnElement=element_id)
        if box.children is not None:
            shape.set("isExpanded", "true")
        ET.SubElement(shape, "{%s}Bounds" % NS["dc"], x=str(round(box.x)), y=str(round(box.y)),
                      width=str(round(box.w)), height=str(round(box.h)))
        if box.children:
            write_di(plane, box.children, [])
    for flow, flow_shapes in edges:
        edge = ET.SubElement(plane, "{%s}BPMNEdge" % NS["bpmndi"], id=flow.get("id") + "_di",
                             bpmnElement=flow.get("id"))
        for x, y in waypoints(flow, flow_shapes):
            ET.SubElement(edge, "{%s}waypoint" % NS["di"], x=str(round(x)), y=str(round(y)))


def main(path):
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    tree = ET.parse(path, parser)
    root = tree.getroot()
    for old in root.findall("{%s}BPMNDiagram" % NS["bpmndi"]):
        root.remove(old)
    for process in root.findall(B + "process"):
        shapes, edges = {}, []
        layout(process, shapes, edges)
        # nested shapes were laid out relative to their sub-process: move them into place
        def settle(boxes):
            for box in boxes.values():
                if box.children:
                    offset(box.children, box.x + MARGIN, box.y + MARGIN)
                    settle(box.children)
        offset(shapes, 160, 80)
        settle(shapes)
        diagram = ET.SubElement(root, "{%s}BPMNDiagram" % NS["bpmndi"], id=process.get("id") + "Diagram")
        plane = ET.SubElement(diagram, "{%s}BPMNPlane" % NS["bpmndi"], id=process.get("id") + "Plane",
                              bpmnElement=process.get("id"))
        write_di(plane, shapes, edges)
    ET.indent(tree, space="  ")
    text = ET.tostring(root, encoding="unicode")
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n")


if __name__ == "__main__":
    for file in sys.argv[1:]:
        main(file)
