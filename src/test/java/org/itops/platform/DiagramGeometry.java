package org.itops.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.itops.platform.ModelConventions.Rule;
import org.itops.platform.ModelConventions.Violation;

/**
 * The layout rules of a diagram (docs/writing-processes.md, "Model conventions"), read from its DI: what Camunda
 * Modeler draws. Each diagram plane (a process, or a collapsed sub-process's own diagram) is checked on its own.
 */
final class DiagramGeometry {

  /** What a 1920 x 1080 screen shows at 60% zoom. */
  static final double MAX_WIDTH = 1920 / 0.6;
  static final double MAX_HEIGHT = 1080 / 0.6;
  /**
   * How many times flows may cross each other in one diagram: where a few answers meet two merges (approved, not
   * approved) from three branches, a crossing or two cannot be helped; more is a tangle to draw again.
   */
  static final int MAX_CROSSINGS = 4;
  /** How far a point may sit off a line or a border and still count as on it (Modeler rounds to whole pixels). */
  private static final double SLACK = 2;

  record Box(double x, double y, double w, double h) {
    static Box of(Bounds b) {
      return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    double right() {
      return x + w;
    }

    double bottom() {
      return y + h;
    }

    double centreX() {
      return x + w / 2;
    }

    double centreY() {
      return y + h / 2;
    }

    boolean overlaps(Box o) {
      return x < o.right() - SLACK && o.x < right() - SLACK && y < o.bottom() - SLACK && o.y < bottom() - SLACK;
    }

    boolean contains(Box o) {
      return x <= o.x + SLACK && y <= o.y + SLACK && o.right() <= right() + SLACK && o.bottom() <= bottom() + SLACK;
    }

    boolean holds(double px, double py) {
      return px >= x - SLACK && px <= right() + SLACK && py >= y - SLACK && py <= bottom() + SLACK;
    }

    /** Whether the straight segment runs through the inside of the box (touching its border does not count). */
    boolean crossedBy(double x0, double y0, double x1, double y1) {
      double lx = Math.min(x0, x1), hx = Math.max(x0, x1), ly = Math.min(y0, y1), hy = Math.max(y0, y1);
      if (hx <= x + SLACK || lx >= right() - SLACK || hy <= y + SLACK || ly >= bottom() - SLACK) {
        return false;
      }
      if (x0 == x1 || y0 == y1) {
        return true;
      }
      // a slanted segment: clip it against the box (Liang-Barsky)
      double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
      double[] p = {-dx, dx, -dy, dy};
      double[] q = {x0 - (x + SLACK), right() - SLACK - x0, y0 - (y + SLACK), bottom() - SLACK - y0};
      for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
          if (q[i] < 0) {
            return false;
          }
        } else {
          double t = q[i] / p[i];
          if (p[i] < 0) {
            t0 = Math.max(t0, t);
          } else {
            t1 = Math.min(t1, t);
          }
        }
      }
      return t0 < t1;
    }
  }

  private record Shape(FlowNode node, Box box, Box label, boolean container) {
  }

  private record Edge(SequenceFlow flow, List<double[]> points, Box label) {
  }

  private DiagramGeometry() {
  }

  static void check(BpmnModelInstance model, List<Violation> violations) {
    Set<String> drawn = new HashSet<>();
    for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
      List<Shape> shapes = new ArrayList<>();
      List<Edge> edges = new ArrayList<>();
      for (DiagramElement element : plane.getDiagramElements()) {
        if (element instanceof BpmnShape shape && shape.getBpmnElement() instanceof FlowNode node
            && shape.getBounds() != null) {
          drawn.add(node.getId());
          boolean container = node instanceof SubProcess && !Boolean.FALSE.equals(shape.isExpanded());
          shapes.add(new Shape(node, Box.of(shape.getBounds()), label(shape.getBpmnLabel()), container));
          requireLabel(node, shape.getBpmnLabel(), violations);
        } else if (element instanceof BpmnEdge edge && edge.getBpmnElement() instanceof SequenceFlow flow) {
          drawn.add(flow.getId());
          List<double[]> points = new ArrayList<>();
          for (Waypoint point : edge.getWaypoints()) {
            points.add(new double[] {point.getX(), point.getY()});
          }
          edges.add(new Edge(flow, points, label(edge.getBpmnLabel())));
          requireLabel(flow, edge.getBpmnLabel(), violations);
        }
      }
      checkPlane(plane, shapes, edges, violations);
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if ((element instanceof FlowNode || element instanceof SequenceFlow) && !drawn.contains(element.getId())) {
        violations.add(new Violation(Rule.DRAWN, element.getId(), "not drawn: open the file in Camunda Modeler,"
            + " or run dev/bpmn_layout.py on it, and place it"));
      }
    }
  }

  private static Box label(BpmnLabel label) {
    return label == null || label.getBounds() == null ? null : Box.of(label.getBounds());
  }

  /** Events, gateways and flows carry their name outside the shape: Modeler stores where. */
  private static void requireLabel(FlowElement element, BpmnLabel label, List<Violation> violations) {
    boolean outside = element instanceof Event || element instanceof Gateway || element instanceof SequenceFlow;
    String name = element.getName();
    if (outside && name != null && !name.isBlank() && label(label) == null) {
      violations.add(new Violation(Rule.DRAWN, element.getId(), "its name has no place: move its label once in"
          + " Camunda Modeler"));
    }
  }

  private static void checkPlane(BpmnPlane plane, List<Shape> shapes, List<Edge> edges, List<Violation> violations) {
    Map<String, Shape> byId = new HashMap<>();
    shapes.forEach(shape -> byId.put(shape.node().getId(), shape));
    checkShapes(shapes, violations);
    checkLabels(shapes, edges, violations);
    for (Edge edge : edges) {
      Shape source = byId.get(edge.flow().getSource().getId());
      Shape target = byId.get(edge.flow().getTarget().getId());
      if (source == null || target == null || edge.points().size() < 2) {
        violations.add(new Violation(Rule.DRAWN, edge.flow().getId(), "drawn without its source and target"));
        continue;
      }
      checkCrossings(edge, source, target, shapes, violations);
      List<double[]> p = edge.points();
      if (source.node() instanceof BoundaryEvent && p.get(1)[1] <= p.get(0)[1] + SLACK) {
        violations.add(new Violation(Rule.EXCEPTIONS_BELOW, edge.flow().getId(), "leave "
            + source.node().getId() + " downwards, below the main path"));
      }
      checkSides(edge, source, target, violations);
      if (target.box().centreX() <= source.box().centreX() + SLACK && !loopsBack(edge.flow())) {
        violations.add(new Violation(Rule.LEFT_TO_RIGHT, edge.flow().getId(), "runs from right to left without"
            + " closing a loop: put " + target.node().getId() + " to the right of " + source.node().getId()));
      }
    }
    for (Shape shape : shapes) {
      if (shape.node() instanceof BoundaryEvent boundary && byId.containsKey(boundary.getAttachedTo().getId())) {
        checkBoundary(shape, byId.get(boundary.getAttachedTo().getId()), violations);
      }
    }
    checkFlowsCross(plane, edges, violations);
    checkSize(plane, shapes, edges, violations);
  }

  /** Counts the points where a flow crosses another one (meeting it end on, as into a merge, is no crossing). */
  private static void checkFlowsCross(BpmnPlane plane, List<Edge> edges, List<Violation> violations) {
    Set<String> points = new TreeSet<>();
    Set<String> flows = new TreeSet<>();
    for (int i = 0; i < edges.size(); i++) {
      for (int j = i + 1; j < edges.size(); j++) {
        for (double[][] a : segments(edges.get(i))) {
          for (double[][] b : segments(edges.get(j))) {
            double[] at = crossing(a, b);
            if (at == null) {
              at = crossing(b, a);
            }
            if (at != null) {
              points.add(Math.round(at[0]) + "," + Math.round(at[1]));
              flows.add(edges.get(i).flow().getId());
              flows.add(edges.get(j).flow().getId());
            }
          }
        }
      }
    }
    if (points.size() > MAX_CROSSINGS) {
      BaseElement drawnElement = plane.getBpmnElement();
      violations.add(new Violation(Rule.FLOWS_CROSS, drawnElement == null ? plane.getId() : drawnElement.getId(),
          "flows cross each other at " + points.size() + " points (at most " + MAX_CROSSINGS + "): " + flows
          + "; move a branch, or lead the flows into their merge from another side"));
    }
  }

  private static List<double[][]> segments(Edge edge) {
    List<double[][]> segments = new ArrayList<>();
    for (int k = 0; k + 1 < edge.points().size(); k++) {
      segments.add(new double[][] {edge.points().get(k), edge.points().get(k + 1)});
    }
    return segments;
  }

  /** Where the upright segment {@code up} crosses the sideways segment {@code side}, inside both; or null. */
  private static double[] crossing(double[][] up, double[][] side) {
    double x = up[0][0], y = side[0][1];
    boolean upright = Math.abs(up[0][0] - up[1][0]) <= SLACK && Math.abs(up[0][1] - up[1][1]) > SLACK;
    boolean sideways = Math.abs(side[0][1] - side[1][1]) <= SLACK && Math.abs(side[0][0] - side[1][0]) > SLACK;
    return upright && sideways
        && x > Math.min(side[0][0], side[1][0]) + SLACK && x < Math.max(side[0][0], side[1][0]) - SLACK
        && y > Math.min(up[0][1], up[1][1]) + SLACK && y < Math.max(up[0][1], up[1][1]) - SLACK
        ? new double[] {x, y} : null;
  }

  private static void checkShapes(List<Shape> shapes, List<Violation> violations) {
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        Shape a = shapes.get(i), b = shapes.get(j);
        if (a.box().overlaps(b.box()) && !attached(a, b) && !attached(b, a) && !nested(a, b) && !nested(b, a)) {
          violations.add(new Violation(Rule.SHAPES_OVERLAP, a.node().getId(), "overlaps " + b.node().getId()));
        }
      }
    }
  }

  private static void checkLabels(List<Shape> shapes, List<Edge> edges, List<Violation> violations) {
    Map<String, Box> labels = new HashMap<>();
    shapes.stream().filter(s -> s.label() != null).forEach(s -> labels.put(s.node().getId(), s.label()));
    edges.stream().filter(e -> e.label() != null).forEach(e -> labels.put(e.flow().getId(), e.label()));
    List<String> owners = new ArrayList<>(labels.keySet());
    owners.sort(null);
    for (int i = 0; i < owners.size(); i++) {
      for (int j = i + 1; j < owners.size(); j++) {
        if (labels.get(owners.get(i)).overlaps(labels.get(owners.get(j)))) {
          violations.add(new Violation(Rule.LABELS_OVERLAP, owners.get(i), "its label overlaps that of "
              + owners.get(j)));
        }
      }
      for (Shape shape : shapes) {
        if (!shape.container() && !shape.node().getId().equals(owners.get(i))
            && labels.get(owners.get(i)).overlaps(shape.box())) {
          violations.add(new Violation(Rule.LABELS_OVERLAP, owners.get(i), "its label lies on "
              + shape.node().getId()));
        }
      }
      for (Edge edge : edges) {
        if (!edge.flow().getId().equals(owners.get(i)) && onFlow(labels.get(owners.get(i)), edge)) {
          violations.add(new Violation(Rule.LABELS_OVERLAP, owners.get(i), "its label lies on the flow "
              + edge.flow().getId()));
        }
      }
    }
  }

  private static void checkCrossings(Edge edge, Shape source, Shape target, List<Shape> shapes,
      List<Violation> violations) {
    for (Shape shape : shapes) {
      if (shape == source || shape == target || attached(shape, source) || attached(shape, target)
          || attached(source, shape) || within(edge.flow(), shape)) {
        continue;
      }
      List<double[]> p = edge.points();
      for (int k = 0; k + 1 < p.size(); k++) {
        if (shape.box().crossedBy(p.get(k)[0], p.get(k)[1], p.get(k + 1)[0], p.get(k + 1)[1])) {
          violations.add(new Violation(Rule.FLOW_CROSSES_SHAPE, edge.flow().getId(), "runs through "
              + shape.node().getId() + ": route it around"));
          break;
        }
      }
    }
  }

  /**
   * A flow starts on its source's outline and leaves it, ends on its target's outline coming from outside, runs in
   * right angles, leaves no shape to the left and enters none from the right.
   */
  private static void checkSides(Edge edge, Shape source, Shape target, List<Violation> violations) {
    List<double[]> p = edge.points();
    String id = edge.flow().getId();
    double[] first = p.get(0), second = p.get(1), last = p.get(p.size() - 1), beforeLast = p.get(p.size() - 2);
    if (!source.box().holds(first[0], first[1]) || inside(source.box(), second)) {
      violations.add(new Violation(Rule.FLOW_SIDES, id, "does not start on the outline of "
          + source.node().getId() + " and leave it"));
    } else if (second[0] < first[0] - SLACK && Math.abs(second[1] - first[1]) <= SLACK) {
      violations.add(new Violation(Rule.FLOW_SIDES, id, "leaves " + source.node().getId() + " on its left side"));
    }
    if (!target.box().holds(last[0], last[1]) || inside(target.box(), beforeLast)) {
      violations.add(new Violation(Rule.FLOW_SIDES, id, "does not come from outside "
          + target.node().getId() + " to its outline"));
    } else if (beforeLast[0] > last[0] + SLACK && Math.abs(beforeLast[1] - last[1]) <= SLACK) {
      violations.add(new Violation(Rule.FLOW_SIDES, id, "enters " + target.node().getId() + " on its right side"));
    }
    for (int k = 0; k + 1 < p.size(); k++) {
      double dx = Math.abs(p.get(k)[0] - p.get(k + 1)[0]), dy = Math.abs(p.get(k)[1] - p.get(k + 1)[1]);
      if (dx > SLACK && dy > SLACK) {
        violations.add(new Violation(Rule.FLOW_SIDES, id, "has a slanted stretch: draw it in right angles"));
        break;
      }
    }
  }

  /** A boundary event sits on the lower edge of its activity, and the flows it starts leave it downwards. */
  private static void checkBoundary(Shape event, Shape host, List<Violation> violations) {
    BoundaryEvent boundary = (BoundaryEvent) event.node();
    if (Math.abs(event.box().centreY() - host.box().bottom()) > SLACK
        || event.box().centreX() < host.box().x() || event.box().centreX() > host.box().right()) {
      violations.add(new Violation(Rule.EXCEPTIONS_BELOW, boundary.getId(), "put it on the lower edge of "
          + host.node().getId()));
    }
  }

  private static void checkSize(BpmnPlane plane, List<Shape> shapes, List<Edge> edges, List<Violation> violations) {
    double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    List<Box> boxes = new ArrayList<>();
    shapes.forEach(s -> {
      boxes.add(s.box());
      if (s.label() != null) {
        boxes.add(s.label());
      }
    });
    edges.forEach(e -> e.points().forEach(p -> boxes.add(new Box(p[0], p[1], 0, 0))));
    for (Box box : boxes) {
      minX = Math.min(minX, box.x());
      minY = Math.min(minY, box.y());
      maxX = Math.max(maxX, box.right());
      maxY = Math.max(maxY, box.bottom());
    }
    if (!boxes.isEmpty() && (maxX - minX > MAX_WIDTH || maxY - minY > MAX_HEIGHT)) {
      BaseElement drawnElement = plane.getBpmnElement();
      violations.add(new Violation(Rule.FITS_SCREEN, drawnElement == null ? plane.getId() : drawnElement.getId(),
          String.format("%.0f x %.0f does not fit a 1920 x 1080 screen at 60%% zoom (%.0f x %.0f): collapse a"
              + " sub-process (it gets a diagram of its own) or call a process", maxX - minX, maxY - minY,
              MAX_WIDTH, MAX_HEIGHT)));
    }
  }

  private static boolean onFlow(Box label, Edge edge) {
    return segments(edge).stream().anyMatch(s -> label.crossedBy(s[0][0], s[0][1], s[1][0], s[1][1]));
  }

  private static boolean inside(Box box, double[] point) {
    return point[0] > box.x() + SLACK && point[0] < box.right() - SLACK
        && point[1] > box.y() + SLACK && point[1] < box.bottom() - SLACK;
  }

  /** Whether {@code event} is a boundary event on {@code host}. */
  private static boolean attached(Shape event, Shape host) {
    return event.node() instanceof BoundaryEvent boundary && boundary.getAttachedTo() == host.node();
  }

  /** Whether {@code inner} is drawn inside the expanded sub-process {@code outer} that holds it. */
  private static boolean nested(Shape outer, Shape inner) {
    return outer.container() && isAncestor(outer.node(), inner.node()) && outer.box().contains(inner.box());
  }

  /** Whether the flow lies inside the expanded sub-process drawn by {@code shape}. */
  private static boolean within(SequenceFlow flow, Shape shape) {
    return shape.container() && isAncestor(shape.node(), flow);
  }

  private static boolean isAncestor(FlowNode container, ModelElementInstance element) {
    for (ModelElementInstance parent = element.getParentElement(); parent != null;
        parent = parent.getParentElement()) {
      if (parent == container) {
        return true;
      }
    }
    return false;
  }

  /** A flow closes a loop when its source can be reached again from its target. */
  private static boolean loopsBack(SequenceFlow flow) {
    Set<FlowNode> seen = new HashSet<>();
    List<FlowNode> todo = new ArrayList<>(List.of(flow.getTarget()));
    while (!todo.isEmpty()) {
      FlowNode node = todo.remove(todo.size() - 1);
      if (node == flow.getSource()) {
        return true;
      }
      if (seen.add(node)) {
        node.getOutgoing().forEach(out -> todo.add(out.getTarget()));
        // on through the events on its edge, into a sub-process and out of one at its end
        todo.addAll(node.getParentElement().getChildElementsByType(BoundaryEvent.class).stream()
            .filter(boundary -> boundary.getAttachedTo() == node).toList());
        if (node instanceof SubProcess) {
          todo.addAll(node.getChildElementsByType(StartEvent.class));
        }
        if (node.getOutgoing().isEmpty() && node.getParentElement() instanceof SubProcess parent) {
          todo.add(parent);
        }
      }
    }
    return false;
  }
}
