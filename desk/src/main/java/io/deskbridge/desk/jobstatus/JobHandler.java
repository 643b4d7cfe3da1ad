package io.deskbridge.desk.jobstatus;

import io.deskbridge.desk.user.DeskPrincipal;
import tools.jackson.databind.JsonNode;

/**
 * Applies the items of one kind of bulk job ({@link #jobType()}, e.g. {@code "ticket.create_many"}).
 * Capabilities provide one bean per kind and write through their own facades, so each item gets the
 * same validation, audit, events and webhooks as its single-item call.
 *
 * <p>{@link #apply} runs inside the transaction of the item's chunk (several items of the job, see
 * {@code JobRunner}), which also records their results: it either commits both or neither. A failure
 * is thrown (an {@code ApiException} becomes the item's {@code error}/{@code details}; the item's
 * changes roll back, the job goes on with the next item). It may be called again for the same item
 * after its chunk was rolled back because of another item, so it must change nothing outside the
 * transaction.
 */
public interface JobHandler {

    String jobType();

    /** The action a failed item reports ({@code "create"}, {@code "update"}, {@code "delete"}). */
    String action();

    JobResult apply(DeskPrincipal actor, int index, JsonNode item);

    /** One item's work. */
    @FunctionalInterface
    interface Apply {
        JobResult apply(DeskPrincipal actor, int index, JsonNode item);
    }

    static JobHandler of(String jobType, String action, Apply apply) {
        return new JobHandler() {
            @Override
            public String jobType() {
                return jobType;
            }

            @Override
            public String action() {
                return action;
            }

            @Override
            public JobResult apply(DeskPrincipal actor, int index, JsonNode item) {
                return apply.apply(actor, index, item);
            }
        };
    }
}
