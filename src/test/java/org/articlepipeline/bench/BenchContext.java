package org.articlepipeline.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The smallest {@link Context} a handler needs: a logger that drops lines, as timing must not print. */
final class BenchContext implements Context {

    @Override public String getAwsRequestId() { return "bench"; }
    @Override public String getLogGroupName() { return "bench"; }
    @Override public String getLogStreamName() { return "bench"; }
    @Override public String getFunctionName() { return "bench"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:bench"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 30_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override public void log(String message) { }
            @Override public void log(byte[] message) { }
        };
    }
}
