package io.cambist.strategy.signal.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Every error of the webhook application as JSON: Jersey's own (404, 405, 415 ...) and unexpected ones (500). */
public class WebhookExceptionMapper implements ExceptionMapper<Throwable> {

    private final Logger logger = LoggerFactory.getLogger(WebhookExceptionMapper.class);

    @Override
    public Response toResponse(Throwable t) {
        if (t instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            String error = w.getResponse().getStatusInfo().getReasonPhrase();
            String detail = switch (status) {
                case 404 -> "alerts go to POST " + WebhookConstants.BASE + "/signal/{botId}";
                case 405 -> "alerts are sent with POST";
                case 415 -> "send the alert as JSON";
                default -> error;
            };
            return WebhookResource.json(WebhookAnswer.refused(status, error == null ? "error" : error.toLowerCase(
                    java.util.Locale.ROOT), detail));
        }
        logger.warn("the signal webhook failed unexpectedly", t);
        return WebhookResource.json(WebhookAnswer.refused(500, "internal error", "the webhook failed; the server log has "
                + "the reason"));
    }
}
