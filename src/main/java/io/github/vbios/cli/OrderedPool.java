package io.github.vbios.cli;

import io.github.vbios.io.VbiosException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Computes {@code task(0..n-1)} on a few daemon threads, at most a small window ahead of the
 * consumer, and hands results back in index order. Keeps memory bounded for `vbios info` over
 * thousands of files while using every core.
 */
final class OrderedPool<T> {
    private final IntFunction<T> task;
    private final int n;
    private final int window;
    private final ExecutorService executor;
    private final Future<?>[] futures;
    private int submitted;

    OrderedPool(int n, IntFunction<T> task) {
        this.n = n;
        this.task = task;
        int threads = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        this.window = threads * 2;
        this.executor = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vbios-info");
            t.setDaemon(true);
            return t;
        });
        this.futures = new Future<?>[n];
    }

    /** The result for index {@code k}; call with k = 0, 1, 2, ... */
    @SuppressWarnings("unchecked")
    T take(int k) {
        if (executor == null) {
            return task.apply(k);
        }
        while (submitted < n && submitted < k + window) {
            int i = submitted++;
            futures[i] = executor.submit(() -> task.apply(i));
        }
        try {
            T t = (T) futures[k].get();
            futures[k] = null;
            if (k == n - 1) {
                executor.shutdown();
            }
            return t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VbiosException(VbiosException.Kind.INTERNAL, "interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }
}
