package org.articlepipeline.testing;

import org.articlepipeline.local.LocalPipeline;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one embedded pipeline (S3, DynamoDB, event source, API on free loopback ports) for the
 * whole test run: it starts once, on first use, and stops when the run ends.
 *
 * <p>Tests that share it use keys and ids of their own, so they never see each other's articles.
 */
public final class SharedEmbeddedStack implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPipeline.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, type -> new Holder(), Holder.class).pipeline;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private final LocalPipeline pipeline;

        Holder() {
            try {
                pipeline = LocalPipeline.start(0, 0, 0, null, line -> { });
            } catch (Exception e) {
                throw new IllegalStateException("the embedded stack did not start", e);
            }
        }

        @Override
        public void close() throws Exception {
            pipeline.close();
        }
    }
}
