package io.deskbridge.sync.zendesk;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
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
    // The body's pieces as they arrive, joined once at the end: a growing array would copy an export
    // page (1-2 MB) several times over, each copy a humongous allocation in G1 at a small heap (the
    // 1,000,000-ticket sync benchmark spent a third of sync's CPU in GC, issue 17).
    private List<byte[]> pieces;
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
            pieces = new ArrayList<>();
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
                    pieces = null;
                    break;
                }
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                pieces.add(bytes);
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
            body = new byte[pieces == null ? 0 : (int) received];
            int at = 0;
            for (byte[] piece : pieces == null ? List.<byte[]>of() : pieces) {
                System.arraycopy(piece, 0, body, at, piece.length);
                at += piece.length;
            }
            pieces = null;
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
            pieces = null;
        }
        if (s != null) {
            s.cancel();
        }
    }
}
