package io.cambist.strategy.signal.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the webhook answers: an HTTP status and a small JSON object, {@code {"accepted": true, "clientOrderId": ...}}
 * or {@code {"accepted": false, "error": ..., "detail": ...}}.
 *
 * @param status HTTP status
 * @param body   the JSON object's fields, in order
 */
record WebhookAnswer(int status, Map<String, Object> body) {

    static WebhookAnswer accepted(String clientOrderId, String alertId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", true);
        m.put("clientOrderId", clientOrderId);
        m.put("id", alertId);
        return new WebhookAnswer(202, m);
    }

    static WebhookAnswer refused(int status, String error, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", false);
        m.put("error", error);
        m.put("detail", detail);
        return new WebhookAnswer(status, m);
    }

    String error() {
        Object e = body.get("error");
        return e == null ? null : e.toString();
    }
}
