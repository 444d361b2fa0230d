package org.articlepipeline.ingest.event;

import java.util.ArrayList;
import java.util.List;
import org.articlepipeline.json.JsonValue;

/**
 * One task of an S3 Batch Operations invocation: an existing object to (re)ingest.
 *
 * @param taskId    the task id, echoed in the result
 * @param bucket    the bucket (schema 2.0 names it; 1.0 gives an ARN)
 * @param key       the key, decoded once (Batch Operations URL-encodes keys like notifications)
 * @param versionId the version, when the manifest names one
 */
public record BatchOperationsTask(String taskId, String bucket, String key, String versionId) {

    /** The tasks of an invocation, schema 1.0 or 2.0. */
    public static List<BatchOperationsTask> tasks(JsonValue invocation) {
        List<BatchOperationsTask> tasks = new ArrayList<>();
        for (JsonValue task : invocation.path("tasks")) {
            String bucket = task.hasNonNull("s3Bucket")
                    ? task.path("s3Bucket").asText()
                    : bucketOfArn(task.path("s3BucketArn").asText(""));
            tasks.add(new BatchOperationsTask(
                    task.path("taskId").asText(""),
                    bucket,
                    S3Notifications.decodeKey(task.path("s3Key").asText("")),
                    task.hasNonNull("s3VersionId") ? task.path("s3VersionId").asText() : null));
        }
        return tasks;
    }

    /** The change this task asks for: a create with no sequencer, so it never overrides a notification. */
    public ObjectChange asChange() {
        return new ObjectChange(ObjectChange.Kind.CREATED, "BatchOperations:Invoke", bucket, key, null, null,
                versionId, null, null);
    }

    private static String bucketOfArn(String arn) {
        int colons = arn.lastIndexOf(':');
        return colons < 0 ? arn : arn.substring(colons + 1);
    }
}
