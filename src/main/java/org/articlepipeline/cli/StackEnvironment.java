package org.articlepipeline.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.articlepipeline.local.EmbeddedServices;
import org.articlepipeline.local.LocalPipeline;

/**
 * Which stack a client command talks to: the one the standard variables name, else the local stack.
 */
final class StackEnvironment {

    private StackEnvironment() {
    }

    /**
     * The process environment when it names an endpoint ({@code AWS_ENDPOINT_URL*}) or AWS credentials;
     * otherwise the local stack's endpoints and credentials on the default ports.
     */
    static Map<String, String> resolve(Map<String, String> process, PrintStream err) {
        boolean namesAStack = process.keySet().stream().anyMatch(name -> name.startsWith("AWS_ENDPOINT_URL"))
                || System.getProperty("aws.endpointUrl") != null
                || process.containsKey("AWS_ACCESS_KEY_ID") || process.containsKey("AWS_PROFILE");
        if (namesAStack) {
            return process;
        }
        if (!EmbeddedServices.isTaken(LocalPipeline.DEFAULT_S3_PORT)) {
            throw new CommandException("no local stack answers on 127.0.0.1:" + LocalPipeline.DEFAULT_S3_PORT
                    + ": start one with 'java -jar target/article-pipeline.jar serve', or set AWS_ENDPOINT_URL_S3"
                    + " and AWS_ENDPOINT_URL_DYNAMODB", 1);
        }
        Map<String, String> local = new HashMap<>(process);
        local.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + LocalPipeline.DEFAULT_S3_PORT);
        local.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + LocalPipeline.DEFAULT_DYNAMODB_PORT);
        local.put("AWS_REGION", "us-east-1");
        local.put("AWS_ACCESS_KEY_ID", EmbeddedServices.ACCESS_KEY);
        local.put("AWS_SECRET_ACCESS_KEY", EmbeddedServices.SECRET_KEY);
        err.println("using the local stack on 127.0.0.1:" + LocalPipeline.DEFAULT_S3_PORT + " and :"
                + LocalPipeline.DEFAULT_DYNAMODB_PORT);
        return local;
    }
}
