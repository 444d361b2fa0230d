package org.articlepipeline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.articlepipeline.aws.AwsClients;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.normalize.RejectionReason;
import org.articlepipeline.store.ArticleBucket;
import org.articlepipeline.store.ArticleId;
import org.articlepipeline.store.ArticleRecord;
import org.articlepipeline.store.ArticleRepository;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * {@code ingest PATH...}: uploads files (folders recursively) under the input prefix, waits until the
 * pipeline has processed each upload, and prints a table of id, status and title.
 *
 * <p>An upload counts as processed once the article's item carries the uploaded ETag, whatever the
 * outcome: it talks to the stack only through S3 and the table, so it works the same against AWS.
 */
final class IngestCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> processEnvironment;

    IngestCommand(PrintStream out, PrintStream err, Map<String, String> processEnvironment) {
        this.out = out;
        this.err = err;
        this.processEnvironment = processEnvironment;
    }

    int run(List<String> args) {
        Arguments arguments = Arguments.parse(args, Set.of("--timeout"));
        if (arguments.operands().isEmpty()) {
            throw new Arguments.UsageException("ingest needs at least one file or folder");
        }
        long timeoutMillis = seconds(arguments.option("--timeout", "120")) * 1000;
        Map<String, Path> uploads = plan(arguments.operands(), PipelineSettings.fromEnvironment(processEnvironment));
        Map<String, String> environment = StackEnvironment.resolve(processEnvironment, err);
        PipelineSettings settings = PipelineSettings.fromEnvironment(environment);
        AwsClients clients = new AwsClients(environment);
        Map<String, String> eTags = new LinkedHashMap<>();
        try (S3Client s3 = clients.s3(); DynamoDbClient dynamoDb = clients.dynamoDb()) {
            int done = 0;
            for (Map.Entry<String, Path> upload : uploads.entrySet()) {
                PutObjectResponse put = s3.putObject(b -> b.bucket(settings.bucket()).key(upload.getKey()),
                        RequestBody.fromFile(upload.getValue()));
                eTags.put(upload.getKey(), ArticleBucket.unquoted(put.eTag()));
                progress(++done, uploads.size(), "uploaded");
            }
            Map<String, ArticleRecord> processed = await(new ArticleRepository(dynamoDb, settings.tableName()),
                    settings.bucket(), eTags, timeoutMillis);
            return report(eTags, processed, settings.bucket());
        } catch (UncheckedIOException e) {
            throw new CommandException("cannot read " + e.getCause().getMessage(), 1);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new CommandException("the stack did not answer: " + e.getMessage(), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted", 130);
        }
    }

    private Map<String, ArticleRecord> await(ArticleRepository repository, String bucket, Map<String, String> eTags,
                                             long timeoutMillis) throws InterruptedException {
        Map<String, ArticleRecord> processed = new LinkedHashMap<>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (processed.size() < eTags.size() && System.currentTimeMillis() < deadline) {
            for (Map.Entry<String, String> upload : eTags.entrySet()) {
                if (processed.containsKey(upload.getKey())) {
                    continue;
                }
                Optional<ArticleRecord> record = repository.find(ArticleId.of(bucket, upload.getKey()));
                if (record.isPresent() && upload.getValue().equals(record.get().eTag())) {
                    processed.put(upload.getKey(), record.get());
                }
            }
            progress(processed.size(), eTags.size(), "processed");
            if (processed.size() < eTags.size()) {
                Thread.sleep(200);
            }
        }
        return processed;
    }

    private int report(Map<String, String> eTags, Map<String, ArticleRecord> processed, String bucket) {
        out.printf("%-24s  %-9s  %s%n", "ID", "STATUS", "TITLE / REASON");
        int failures = 0;
        for (String key : eTags.keySet()) {
            ArticleRecord record = processed.get(key);
            if (record == null) {
                failures++;
                out.printf("%-24s  %-9s  %s%n", ArticleId.of(bucket, key), "PENDING", key + " (not processed in time)");
            } else if (record.isVisible()) {
                out.printf("%-24s  %-9s  %s%n", record.id(), record.status(), record.metadata().title());
            } else {
                failures++;
                out.printf("%-24s  %-9s  %s%n", record.id(), record.status(), key + ": " + inWords(record));
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** Why an upload was rejected, for a person: the sentence ingest wrote, else the reason's words, and its code. */
    static String inWords(ArticleRecord record) {
        String words = record.reasonDetail() != null && !record.reasonDetail().isBlank()
                ? record.reasonDetail()
                : RejectionReason.ofCode(record.reason()).map(RejectionReason::words).orElse("rejected");
        return words + " (" + record.reason() + ")";
    }

    private void progress(int done, int total, String what) {
        if (total >= 20 && (done % 50 == 0 || done == total)) {
            err.printf("%s %d/%d%n", what, done, total);
        }
    }

    /** Object key for each file: folders keep their inner paths below the input prefix. */
    private static Map<String, Path> plan(List<String> operands, PipelineSettings defaults) {
        Map<String, Path> uploads = new LinkedHashMap<>();
        for (String operand : operands) {
            Path path = Path.of(operand);
            if (Files.isRegularFile(path)) {
                uploads.put(defaults.inputPrefix() + path.getFileName(), path);
            } else if (Files.isDirectory(path)) {
                List<Path> files = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new CommandException("cannot read folder " + path + ": " + e.getMessage(), 1);
                }
                for (Path file : files) {
                    String relative = path.relativize(file).toString().replace('\\', '/');
                    uploads.put(defaults.inputPrefix() + relative, file);
                }
            } else {
                throw new CommandException("no such file or folder: " + operand, 2);
            }
        }
        return uploads;
    }

    private static long seconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException notANumber) {
            // same message
        }
        throw new Arguments.UsageException("--timeout must be a positive number of seconds");
    }
}
