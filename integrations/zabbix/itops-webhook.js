// Zabbix webhook of the ITOps Process Suite: sends trigger problems, updates and recoveries to
// POST <itops_url>/api/alerts/zabbix and tags the event with the suite's alert and incident.
// Runs in Zabbix's JavaScript engine (Duktape, ECMAScript 5.1): no let, const or arrow functions.
var ITOps = {
    params: {},

    setParams: function (params) {
        ['itops_url', 'itops_token', 'event_id', 'event_value', 'event_update_status'].forEach(function (name) {
            if (typeof params[name] !== 'string' || params[name].trim() === '' || params[name].indexOf('<PLACE') === 0) {
                throw 'Parameter "' + name + '" is missing or not set.';
            }
        });
        ITOps.params = params;
        ITOps.params.itops_url = params.itops_url.replace(/\/+$/, '');
    },

    // problem, update or recovery, from {EVENT.VALUE} and {EVENT.UPDATE.STATUS}
    eventType: function () {
        if (ITOps.params.event_update_status === '1') {
            return 'update';
        }
        if (ITOps.params.event_value === '1') {
            return 'problem';
        }
        if (ITOps.params.event_value === '0') {
            return 'recovery';
        }
        throw 'Unexpected event value "' + ITOps.params.event_value + '".';
    },

    tags: function () {
        try {
            var tags = JSON.parse(ITOps.params.event_tags || '[]');
            return Array.isArray(tags) ? tags : [];
        } catch (error) {
            return [];
        }
    },

    post: function (body) {
        var request = new HttpRequest();
        request.addHeader('Content-Type: application/json');
        request.addHeader('Authorization: Bearer ' + ITOps.params.itops_token);
        if (ITOps.params.http_proxy) {
            request.setProxy(ITOps.params.http_proxy);
        }
        var response = request.post(ITOps.params.itops_url + '/api/alerts/zabbix', JSON.stringify(body));
        var status = request.getStatus();
        Zabbix.log(4, '[ITOps webhook] HTTP ' + status + ': ' + response);
        if (status < 200 || status >= 300) {
            throw 'The suite answered ' + status + ': ' + response;
        }
        return JSON.parse(response);
    }
};

try {
    var params = JSON.parse(value);
    ITOps.setParams(params);
    var answer = ITOps.post({
        event: ITOps.eventType(),
        eventId: params.event_id,
        name: params.event_name,
        severity: params.event_severity,
        host: params.host,
        tags: ITOps.tags(),
        message: params.alert_message,
        updateMessage: params.event_update_message,
        user: params.event_update_user,
        url: params.zabbix_url ? params.zabbix_url.replace(/\/+$/, '') + '/tr_events.php?triggerid='
            + params.trigger_id + '&eventid=' + params.event_id : null
    });
    var result = { tags: { __itops_alert: answer.alert } };
    if (answer.incident) {
        result.tags.__itops_incident = answer.incident;
        result.tags.__itops_incident_url = answer.incidentUrl;
    }
    return JSON.stringify(result);
} catch (error) {
    Zabbix.log(3, '[ITOps webhook] failed: ' + error);
    throw 'Sending to the ITOps Process Suite failed: ' + error;
}
