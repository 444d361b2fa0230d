package org.articlepipeline.testing;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** SDK interceptors that count a handler's requests or make one of them fail, with no mock in sight. */
public final class SdkCalls {

    private SdkCalls() {
    }

    /** Counts the requests of {@code operation} (e.g. {@code "GetObject"}), or of every operation when null. */
    public static ExecutionInterceptor counting(String operation, AtomicInteger count) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                String name = context.request().getClass().getSimpleName();
                if (operation == null || name.equals(operation + "Request")) {
                    count.incrementAndGet();
                }
            }
        };
    }

    /** Fails the {@code nth} request (counting from 1) before it is sent; the others go through. */
    public static ExecutionInterceptor failingOn(int nth) {
        AtomicInteger calls = new AtomicInteger();
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (calls.incrementAndGet() == nth) {
                    throw new IllegalStateException("injected failure on call " + nth);
                }
            }
        };
    }
}
