package org.articlepipeline.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which release of the normalizer made an output: a whole number the build sets (the pom's
 * {@code normalizer.version} property, filtered into {@code normalizer-version.properties}), raised whenever
 * the normalizer's output for some page can change.
 *
 * <p>Stored articles carry the version that made them, so the ones an older normalizer made can be found
 * and made again ({@code backfill --outdated}); items written before versions existed count as
 * {@link #UNVERSIONED}, older than every release.
 */
public final class NormalizerVersion {

    /** The version of items that carry none: those written before the normalizer had a version. */
    public static final int UNVERSIONED = 0;

    private static final String RESOURCE = "normalizer-version.properties";

    private NormalizerVersion() {
    }

    /** The version this build's normalizer has. */
    public static int current() {
        Properties properties = new Properties();
        try (InputStream in = NormalizerVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty("version", "").trim();
        try {
            int version = Integer.parseInt(value);
            if (version <= UNVERSIONED) {
                throw new IllegalStateException("normalizer.version must be a positive whole number, not " + value);
            }
            return version;
        } catch (NumberFormatException notFiltered) {
            throw new IllegalStateException("normalizer.version was not filled in by the build: '" + value + "'");
        }
    }
}
