package org.itops.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adjustments of the engine REST API at {@code /engine-rest}: input refused by a rule of the suite (an
 * {@link InvalidRequestException} from a task listener or delegate) is a 400 with its message. The engine wraps
 * what task listeners throw, and the REST API turns most engine errors of a task completion into a 500, so that
 * without this a form rule's refusal would look like a server failure.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

  @Bean
  ResourceConfigCustomizer refusedInputIsABadRequest() {
    return config -> config.register(RestRefusal.class).register(EngineRefusal.class);
  }

  /** The refusal in the cause chain as Camunda answers it (400), or Camunda's answer to the exception itself. */
  static Response answer(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidRequestException refused) {
        return ExceptionHandlerHelper.getInstance().getResponse(refused);
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  /** Ranked before Camunda's own mapper of the same type. */
  @Priority(1)
  static class RestRefusal implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }
  }

  @Priority(1)
  static class EngineRefusal implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception);
    }
  }
}
