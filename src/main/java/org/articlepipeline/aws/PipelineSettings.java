package org.articlepipeline.aws;

import java.util.Map;

/**
 * Where the pipeline keeps its data: one bucket with an input and an output prefix, and one table.
 *
 * <p>Read from the environment variables that {@code template.yaml} sets, so that Lambda, the local
 * stack and the tests wire the same values through the same code.
 *
 * @param bucket       the bucket users upload to and the pipeline writes into ({@code ARTICLES_BUCKET})
 * @param inputPrefix  the prefix whose objects are articles to ingest ({@code INPUT_PREFIX})
 * @param outputPrefix the prefix the pipeline writes clean text and JSON under ({@code OUTPUT_PREFIX})
 * @param tableName    the DynamoDB table holding one item per article ({@code ARTICLES_TABLE})
 */
public record PipelineSettings(String bucket, String inputPrefix, String outputPrefix, String tableName) {

    public static final String BUCKET_VARIABLE = "ARTICLES_BUCKET";
    public static final String INPUT_PREFIX_VARIABLE = "INPUT_PREFIX";
    public static final String OUTPUT_PREFIX_VARIABLE = "OUTPUT_PREFIX";
    public static final String TABLE_VARIABLE = "ARTICLES_TABLE";

    /** The values the local stack uses and that a fresh deployment defaults to. */
    public static PipelineSettings defaults() {
        return new PipelineSettings("articles", "incoming/", "normalized/", "articles");
    }

    public PipelineSettings {
        requireText(bucket, "bucket");
        requireText(tableName, "tableName");
        inputPrefix = asPrefix(inputPrefix, "inputPrefix");
        outputPrefix = asPrefix(outputPrefix, "outputPrefix");
        // A trigger on the input prefix must never see the pipeline's own writes.
        if (outputPrefix.startsWith(inputPrefix) || inputPrefix.startsWith(outputPrefix)) {
            throw new IllegalArgumentException(
                    "input prefix '" + inputPrefix + "' and output prefix '" + outputPrefix + "' must not overlap");
        }
    }

    /** Reads the settings from an environment map, falling back to {@link #defaults()} per variable. */
    public static PipelineSettings fromEnvironment(Map<String, String> environment) {
        PipelineSettings d = defaults();
        return new PipelineSettings(
                environment.getOrDefault(BUCKET_VARIABLE, d.bucket()),
                environment.getOrDefault(INPUT_PREFIX_VARIABLE, d.inputPrefix()),
                environment.getOrDefault(OUTPUT_PREFIX_VARIABLE, d.outputPrefix()),
                environment.getOrDefault(TABLE_VARIABLE, d.tableName()));
    }

    /** True when {@code key} names an object users uploaded for ingest. */
    public boolean isInputKey(String key) {
        return key != null && key.startsWith(inputPrefix) && key.length() > inputPrefix.length();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static String asPrefix(String value, String name) {
        requireText(value, name);
        return value.endsWith("/") ? value : value + "/";
    }
}
