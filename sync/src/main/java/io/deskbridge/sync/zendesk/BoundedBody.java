package io.deskbridge.sync.zendesk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads an answer's body into memory up to a limit, and within a time. A {@code Content-Length}
 * above the limit is refused before a byte is read; a body that grows past it (no length, chunked, or
 * a length that lies) is cut off at the limit. Either way the subscription is cancelled, which makes
 * the HTTP client close the connection instead of reading the rest, and the exchange fails with
 * {@link TooLarge}. The body must arrive within {@code timeout} of the headers (the client's own
 * request timeout ends with the headers), else it fails with {@link HttpTimeoutException}.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body is larger than the limit (an IOException, so the HTTP client passes it on as the cause). */
    static final class TooLarge extends IOException {

        private final long limit;
        private final long declared;

        TooLarge(long limit, long declared) {
            super("the answer exceeds " + limit + " bytes");
            this.limit = limit;
            this.declared = declared;
        }

        long limit() {
            return limit;
        }

        /** The Content-Length the server announced, or -1. */
        long declared() {
            return declared;
        }
    }

    /** The message of the {@link HttpTimeoutException} for a body that came too slowly. */
    static final String BODY_TIMEOUT = "the body did not arrive in time";

    private final long limit;
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private ByteArrayOutputStream buffer;
    private Flow.Subscription subscription;
    private long received;

    private BoundedBody(long limit, long declared, Duration timeout) {
        this.limit = limit;
        this.declared = declared;
        result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((body, failure) -> {
            if (failure != null) {
                cancel();
            }
        });
    }

    /** A body handler reading at most {@code limit} bytes within {@code timeout} of the headers. */
    static HttpResponse.BodyHandler<byte[]> handler(long limit, Duration timeout) {
        return info -> new BoundedBody(
                limit, info.headers().firstValueAsLong("Content-Length").orElse(-1), timeout);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        synchronized (this) {
            this.subscription = subscription;
        }
        if (declared > limit) {
            fail(new TooLarge(limit, declared));
            return;
        }
        synchronized (this) {
            // Sized for the common case; grows as needed up to the limit.
            buffer = new ByteArrayOutputStream((int) Math.min(declared >= 0 ? declared : 16 * 1024, limit));
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                received += item.remaining();
                if (received > limit) {
                    buffer = null;
                    break;
                }
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                buffer.writeBytes(bytes);
            }
        }
        if (received > limit) {
            fail(new TooLarge(limit, declared));
        }
    }

    @Override
    public void onError(Throwable throwable) {
        fail(throwable);
    }

    @Override
    public void onComplete() {
        byte[] body;
        synchronized (this) {
            body = buffer == null ? new byte[0] : buffer.toByteArray();
            buffer = null;
        }
        result.complete(body);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result.handle((body, failure) -> {
            Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause()
                    : failure;
            if (cause instanceof TimeoutException) {
                throw new CompletionException(new HttpTimeoutException(BODY_TIMEOUT));
            }
            if (cause != null) {
                throw new CompletionException(cause);
            }
            return body;
        });
    }

    private void fail(Throwable failure) {
        if (result.completeExceptionally(failure)) {
            cancel();
        }
    }

    private void cancel() {
        Flow.Subscription s;
        synchronized (this) {
            s = subscription;
            subscription = null;
            buffer = null;
        }
        if (s != null) {
            s.cancel();
        }
    }
}
