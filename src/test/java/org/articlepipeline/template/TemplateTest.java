package org.articlepipeline.template;

import static org.articlepipeline.template.CloudFormationTemplate.list;
import static org.articlepipeline.template.CloudFormationTemplate.map;
import static org.articlepipeline.template.CloudFormationTemplate.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.articlepipeline.aws.PipelineSettings;
import org.articlepipeline.ingest.IngestMetrics;
import org.articlepipeline.ingest.IngestOutcome;
import org.articlepipeline.metrics.EmbeddedMetrics;
import org.articlepipeline.store.ArticleTable;
import org.articlepipeline.store.TableLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * Pins {@code template.yaml} to the code: the table equals {@link ArticleTable}, each function gets exactly
 * the environment variables its code reads and exactly the IAM actions its SDK calls need, and the trigger
 * can never fire on the pipeline's own output.
 *
 * <p>Everything on the code side is derived, so the test follows the code as it grows:
 * <ul>
 *   <li><b>Environment variables.</b> The convention: a function setting is read from the environment
 *       under a name declared as a {@code static final String *_VARIABLE = "NAME"} constant, or given as a
 *       literal to {@code getenv("NAME")} / {@code environment.get("NAME")} /
 *       {@code environment.getOrDefault("NAME", ...)}. Those names are collected from {@code src/main/java};
 *       a function reads a name when the name is a string constant in code reachable from its handler
 *       (inlined constants included). Names starting with {@code AWS_} are the runtime's and the SDK's own
 *       (region, credentials, endpoint overrides): Lambda sets or reserves them, the template never does.</li>
 *   <li><b>IAM actions.</b> The calls on {@code S3Client}/{@code DynamoDbClient} in code reachable from
 *       each handler ({@link LambdaCodeModel}), mapped to actions by {@link #IAM_ACTIONS}.</li>
 * </ul>
 */
class TemplateTest {

    /**
     * SDK method to the IAM actions it needs, where that is not simply the service prefix plus the
     * capitalized method name (DynamoDB's and most of S3's actions are named after their operations).
     * The one place to edit when the code starts calling something new.
     */
    static final Map<String, Set<String>> IAM_ACTIONS = Map.of(
            // The code catches NoSuchKeyException; S3 answers 403 instead of 404 without s3:ListBucket.
            "s3:getObject", Set.of("s3:GetObject", "s3:ListBucket"),
            "s3:getObjectAsBytes", Set.of("s3:GetObject", "s3:ListBucket"),
            "s3:headObject", Set.of("s3:GetObject", "s3:ListBucket"),
            "s3:deleteObjects", Set.of("s3:DeleteObject"),
            "s3:headBucket", Set.of("s3:ListBucket"),
            "s3:listObjectsV2", Set.of("s3:ListBucket"),
            "s3:listObjectsV2Paginator", Set.of("s3:ListBucket"),
            "dynamodb:queryPaginator", Set.of("dynamodb:Query"),
            "dynamodb:scanPaginator", Set.of("dynamodb:Scan"));

    /** Actions that only read: all the lookup function may hold. */
    private static final Pattern READ_ONLY_ACTION = Pattern.compile("(s3|dynamodb):(Get|List|Query|BatchGet|Describe|Scan)\\w*");

    private static final Pattern VARIABLE_CONSTANT = Pattern.compile("\\w+_VARIABLE\\s*=\\s*\"([A-Za-z0-9_]+)\"");
    private static final Pattern VARIABLE_READ = Pattern.compile(
            "(?:getenv|environment\\.get|environment\\.getOrDefault)\\(\\s*\"([A-Za-z0-9_]+)\"");

    private static final Path ROOT = Paths.get("").toAbsolutePath();
    private static CloudFormationTemplate template;
    private static LambdaCodeModel code;

    @BeforeAll
    static void load() throws IOException {
        template = CloudFormationTemplate.load(ROOT.resolve("template.yaml"));
        code = LambdaCodeModel.read(ROOT.resolve("target/classes"));
    }

    /** Logical id of each function to its handler class. */
    private static Map<String, String> handlers() {
        Map<String, String> handlers = new LinkedHashMap<>();
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            String handler = (String) template.functionProperties(id).get("Handler");
            handlers.put(id, handler.substring(0, handler.indexOf("::")));
        }
        assertThat(handlers).as("functions in template.yaml").isNotEmpty();
        return handlers;
    }

    @Test
    void everyHandlerIsAPublicNoArgStreamHandlerWithTheMethodItNames() throws Exception {
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            String handler = (String) template.functionProperties(id).get("Handler");
            String[] parts = handler.split("::");
            Class<?> type = Class.forName(parts[0], false, getClass().getClassLoader());
            assertThat(RequestStreamHandler.class).as(handler).isAssignableFrom(type);
            assertThat(type.getConstructor()).as("Lambda's no-arg constructor of " + handler).isNotNull();
            assertThat(Stream.of(type.getMethods()).map(java.lang.reflect.Method::getName)).contains(parts[1]);
            assertThat(template.functionProperties(id).get("CodeUri")).isEqualTo("target/article-pipeline-lambda.jar");
        }
    }

    @Test
    void tableEqualsArticleTableCreateTableRequest() {
        Map<String, Object> table = properties(template.resource("ArticlesTable"));
        CreateTableRequest expected = ArticleTable.createTableRequest("any");

        assertThat(table.get("BillingMode")).isEqualTo(expected.billingModeAsString());
        assertThat(attributeDefinitions(table.get("AttributeDefinitions")))
                .isEqualTo(expected.attributeDefinitions().stream().collect(Collectors.toMap(
                        AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString, (a, b) -> a, TreeMap::new)));
        assertThat(keySchema(table.get("KeySchema"))).isEqualTo(keySchema(expected.keySchema()));

        Map<String, String> templateIndexes = new TreeMap<>();
        for (Object index : list(table.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> gsi = map(index);
            Map<String, Object> projection = map(gsi.get("Projection"));
            templateIndexes.put((String) gsi.get("IndexName"), keySchema(gsi.get("KeySchema")) + " "
                    + projection.get("ProjectionType") + " " + new TreeSet<>(list(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList()));
        }
        Map<String, String> codeIndexes = new TreeMap<>();
        for (GlobalSecondaryIndex gsi : expected.globalSecondaryIndexes()) {
            codeIndexes.put(gsi.indexName(), keySchema(gsi.keySchema()) + " " + gsi.projection().projectionTypeAsString()
                    + " " + new TreeSet<>(gsi.projection().nonKeyAttributes()));
        }
        assertThat(templateIndexes).isEqualTo(codeIndexes);
        assertThat(map(table.get("StreamSpecification")).get("StreamViewType"))
                .isEqualTo(expected.streamSpecification().streamViewTypeAsString());
    }

    @Test
    void indexFunctionReadsTheTableStreamInOrderAndOnlyForArticleItems() throws Exception {
        Map<String, Object> trigger = null;
        for (Object event : map(template.functionProperties("IndexFunction").get("Events")).values()) {
            if ("DynamoDB".equals(map(event).get("Type"))) {
                assertThat(trigger).as("one stream trigger").isNull();
                trigger = properties(map(event));
            }
        }
        assertThat(trigger).as("the index function's stream trigger").isNotNull();
        assertThat(trigger.get("Stream")).isEqualTo(Map.of("Fn::GetAtt", List.of("ArticlesTable", "StreamArn")));
        assertThat(trigger.get("StartingPosition")).isEqualTo("TRIM_HORIZON");
        // The handler answers with the first failed record, which only this response type lets Lambda read.
        assertThat(list(trigger.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
        assertThat(((Number) trigger.get("MaximumRetryAttempts")).intValue()).isBetween(0, 10);
        assertThat(((Number) trigger.get("MaximumRecordAgeInSeconds")).intValue()).isBetween(60, 86400);
        Map<String, Object> onFailure = map(map(trigger.get("DestinationConfig")).get("OnFailure"));
        assertThat(onFailure.get("Destination")).isEqualTo(Map.of("Fn::GetAtt", List.of("FailureQueue", "Arn")));

        // The filter lets through exactly the keys TableLayout calls article items.
        List<Object> filters = list(map(trigger.get("FilterCriteria")).get("Filters"));
        assertThat(filters).hasSize(1);
        var pattern = new com.fasterxml.jackson.databind.ObjectMapper().readTree((String) map(filters.get(0)).get("Pattern"));
        var keys = pattern.path("dynamodb").path("Keys");
        assertThat(keys.path("pk").path("S").path(0).path("prefix").asText()).isEqualTo(TableLayout.ARTICLE_PK_PREFIX);
        assertThat(keys.path("sk").path("S").path(0).asText()).isEqualTo(TableLayout.ARTICLE_SK);
        assertThat(TableLayout.isArticleItem(TableLayout.articlePk("0123abcd"), TableLayout.ARTICLE_SK)).isTrue();
        assertThat(TableLayout.isArticleItem(TableLayout.articlePk("0123abcd"), TableLayout.NEAR_DUPLICATE_SK_PREFIX + "x")).isFalse();

        Set<String> alarmed = new TreeSet<>();
        for (String alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            Map<String, Object> p = properties(template.resource(alarm));
            if (p.get("MetricName") == null) {
                continue; // metric math over the functions' own metrics: checked on its own
            }
            alarmed.add(p.get("MetricName") + " " + template.resolve(map(list(p.get("Dimensions")).get(0)).get("Value")));
        }
        assertThat(alarmed).contains("Errors ${IndexFunction}", "IteratorAge ${IndexFunction}");
    }

    @Test
    void tableIsRecoverableEncryptedAndExpiresTombstonesOnTheAttributeTheRepositoryWrites() throws IOException {
        Map<String, Object> table = properties(template.resource("ArticlesTable"));
        assertThat(map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled")).isEqualTo(true);
        assertThat(map(table.get("SSESpecification")).get("SSEEnabled")).isEqualTo(true);
        Map<String, Object> ttl = map(table.get("TimeToLiveSpecification"));
        assertThat(ttl.get("Enabled")).isEqualTo(true);
        assertThat(Files.readString(ROOT.resolve("src/main/java/org/articlepipeline/store/ArticleRepository.java")))
                .as("the repository writes the TTL attribute")
                .contains("\"" + ttl.get("AttributeName") + "\"");
    }

    @Test
    void triggerCoversOnlyTheInputPrefixAndCanNeverSeeTheOutputPrefix() {
        Map<String, Object> ingest = ingestFunction();
        Map<String, Object> trigger = null;
        for (Object event : map(ingest.get("Events")).values()) {
            if ("S3".equals(map(event).get("Type"))) {
                assertThat(trigger).as("one S3 trigger").isNull();
                trigger = properties(map(event));
            }
        }
        assertThat(trigger).as("the ingest function's S3 trigger").isNotNull();
        assertThat(trigger.get("Bucket")).isEqualTo(Map.of("Ref", "ArticlesBucket"));
        List<Object> rules = list(map(map(trigger.get("Filter")).get("S3Key")).get("Rules"));
        assertThat(rules).hasSize(1);
        Map<String, Object> rule = map(rules.get(0));
        assertThat(rule.get("Name")).isEqualTo("prefix");

        // The trigger and the function's INPUT_PREFIX come from one parameter, so they cannot drift apart.
        Map<String, Object> variables = map(map(ingest.get("Environment")).get("Variables"));
        assertThat(rule.get("Value")).isEqualTo(variables.get(PipelineSettings.INPUT_PREFIX_VARIABLE));
        String input = (String) template.resolve(rule.get("Value"));
        String output = (String) template.resolve(variables.get(PipelineSettings.OUTPUT_PREFIX_VARIABLE));
        assertThat(output).doesNotStartWith(input);
        assertThat(input).doesNotStartWith(output);
        // PipelineSettings refuses overlapping prefixes at start-up too.
        new PipelineSettings("bucket", input, output, "table");
    }

    @Test
    void eachFunctionGetsExactlyTheEnvironmentVariablesItsCodeReads() throws IOException {
        Set<String> declared = declaredVariables();
        assertThat(declared).as("variables declared in src/main/java").isNotEmpty();
        List<Runnable> checks = new ArrayList<>();
        handlers().forEach((id, handler) -> {
            Set<String> reads = new TreeSet<>(declared);
            reads.retainAll(code.reachFrom(handler).constants());
            Object environment = template.functionProperties(id).get("Environment");
            Set<String> set = environment == null ? Set.of()
                    : new TreeSet<>(map(map(environment).get("Variables")).keySet());
            checks.add(() -> assertThat(set).as(id + " (" + handler + ") environment").isEqualTo(reads));
        });
        assertAll(checks.stream().map(c -> c::run));
    }

    @Test
    void eachFunctionIsGrantedExactlyTheActionsItsSdkCallsNeed() {
        List<Runnable> checks = new ArrayList<>();
        handlers().forEach((id, handler) -> {
            Set<String> needed = new TreeSet<>();
            for (String call : code.reachFrom(handler).sdkCalls()) {
                needed.addAll(IAM_ACTIONS.getOrDefault(call, Set.of(defaultAction(call))));
            }
            Set<String> granted = new TreeSet<>();
            for (Map<String, Object> statement : allowStatements(id)) {
                list(statement.get("Action")).forEach(a -> granted.add((String) a));
            }
            checks.add(() -> assertThat(granted).as(id + " (" + handler + ") granted actions").isEqualTo(needed));
        });
        assertAll(checks.stream().map(c -> c::run));
    }

    @Test
    void noStatementGrantsAWildcardActionOrResourceTooBroadForItsAction() {
        for (String id : handlers().keySet()) {
            for (Map<String, Object> statement : allowStatements(id)) {
                for (Object action : list(statement.get("Action"))) {
                    assertThat((String) action).as(id).doesNotContain("*");
                }
                for (Object resource : list(template.resolve(statement.get("Resource")))) {
                    assertThat((String) resource).as(id + " resource").isNotEqualTo("*").doesNotContain(":::*");
                }
            }
        }
    }

    @Test
    void ingestReadsOnlyTheInputPrefixAndWritesOnlyTheOutputPrefix() {
        String bucketArn = "arn:${AWS::Partition}:s3:::" + template.resolve(globalVariable(PipelineSettings.BUCKET_VARIABLE));
        String input = template.parameterDefault("InputPrefix");
        String output = template.parameterDefault("OutputPrefix");
        for (Map<String, Object> statement : allowStatements("IngestFunction")) {
            List<Object> resources = list(template.resolve(statement.get("Resource")));
            for (Object action : list(statement.get("Action"))) {
                switch ((String) action) {
                    case "s3:GetObject" -> assertThat(resources).containsExactly(bucketArn + "/" + input + "*");
                    case "s3:PutObject", "s3:DeleteObject" -> assertThat(resources).containsExactly(bucketArn + "/" + output + "*");
                    case "s3:ListBucket" -> assertThat(resources).containsExactly(bucketArn);
                    default -> assertThat((String) action).startsWith("dynamodb:");
                }
            }
        }
    }

    @Test
    void lookupOnlyReadsAndOnlyTheOutputPrefixOfTheBucket() {
        String bucketArn = "arn:${AWS::Partition}:s3:::" + template.resolve(globalVariable(PipelineSettings.BUCKET_VARIABLE));
        String output = template.parameterDefault("OutputPrefix");
        for (Map<String, Object> statement : allowStatements("LookupFunction")) {
            for (Object action : list(statement.get("Action"))) {
                assertThat((String) action).matches(READ_ONLY_ACTION);
                if (action.equals("s3:GetObject")) {
                    assertThat(list(template.resolve(statement.get("Resource")))).containsExactly(bucketArn + "/" + output + "*");
                }
            }
        }
    }

    @Test
    void dynamoDbStatementsNameOnlyTheTableAndItsIndexes() {
        Set<String> allowed = new TreeSet<>();
        allowed.add("${ArticlesTable.Arn}");
        ArticleTable.createTableRequest("any").globalSecondaryIndexes()
                .forEach(gsi -> allowed.add("${ArticlesTable.Arn}/index/" + gsi.indexName()));
        for (String id : handlers().keySet()) {
            for (Map<String, Object> statement : allowStatements(id)) {
                if (list(statement.get("Action")).stream().anyMatch(a -> ((String) a).startsWith("dynamodb:"))) {
                    assertThat(list(template.resolve(statement.get("Resource"))).stream().map(String::valueOf))
                            .as(id).isSubsetOf(allowed);
                }
            }
        }
    }

    @Test
    void ingestFailuresAreRetriedBoundedThenQueuedAndAlarmed() {
        Map<String, Object> config = map(ingestFunction().get("EventInvokeConfig"));
        assertThat(((Number) config.get("MaximumRetryAttempts")).intValue()).isBetween(0, 2);
        assertThat(((Number) config.get("MaximumEventAgeInSeconds")).intValue()).isBetween(60, 21600);
        Map<String, Object> onFailure = map(map(config.get("DestinationConfig")).get("OnFailure"));
        assertThat(onFailure.get("Type")).isEqualTo("SQS");
        assertThat(onFailure.get("Destination")).isEqualTo(Map.of("Fn::GetAtt", List.of("FailureQueue", "Arn")));

        Set<String> alarmed = new TreeSet<>();
        for (String alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            Map<String, Object> p = properties(template.resource(alarm));
            if (p.get("MetricName") == null) {
                continue; // metric math over the functions' own metrics: checked on its own
            }
            alarmed.add(p.get("MetricName") + " " + template.resolve(map(list(p.get("Dimensions")).get(0)).get("Value")));
        }
        assertThat(alarmed).contains("ApproximateNumberOfMessagesVisible ${FailureQueue.QueueName}",
                "Errors ${IngestFunction}", "Throttles ${IngestFunction}",
                "Errors ${LookupFunction}", "Throttles ${LookupFunction}");
    }

    @Test
    void bucketBlocksPublicAccessEncryptsAndRefusesPlainHttp() {
        Map<String, Object> bucket = properties(template.resource("ArticlesBucket"));
        assertThat(map(bucket.get("PublicAccessBlockConfiguration")).values()).containsOnly(true).hasSize(4);
        assertThat(bucket).containsKey("BucketEncryption");
        Map<String, Object> policy = properties(template.resource("ArticlesBucketPolicy"));
        assertThat(policy.get("Bucket")).isEqualTo(Map.of("Ref", "ArticlesBucket"));
        Map<String, Object> deny = map(list(map(policy.get("PolicyDocument")).get("Statement")).get(0));
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(map(map(deny.get("Condition")).get("Bool")).get("aws:SecureTransport")).isEqualTo("false");
    }

    /** The parameter values of each way of authorizing the lookup API. */
    private static final Map<String, Map<String, String>> AUTHORIZATION_VARIANTS = Map.of(
            "IAM", Map.of("ApiAuthorization", "IAM"),
            "JWT", Map.of("ApiAuthorization", "JWT", "JwtIssuer", "https://issuer.example/pool",
                    "JwtAudience", "readers,editors"),
            "NONE", Map.of("ApiAuthorization", "NONE"));

    /** Every route the lookup function serves: the OpenAPI document's paths, plus the catch-all. */
    private static final Set<String> ROUTE_KEYS = Set.of("GET /articles", "GET /articles/{id}",
            "GET /articles/{id}/text", "GET /articles/{id}/duplicates", "GET /sources", "GET /health", "$default");

    @Test
    void apiAuthorizationIsIamUnlessTheDeployerChoosesOtherwise() {
        assertThat(template.parameterDefault("ApiAuthorization")).isEqualTo("IAM");
        assertThat(list(map(map(template.root().get("Parameters")).get("ApiAuthorization")).get("AllowedValues")))
                .containsExactlyInAnyOrder("IAM", "JWT", "NONE");
    }

    @Test
    void withIamEveryRouteRequiresSigV4AndAReaderPolicyIsOutput() {
        CloudFormationTemplate iam = template.withParameters(AUTHORIZATION_VARIANTS.get("IAM"));
        assertThat(routes(iam).values()).allSatisfy(route -> {
            assertThat(route.get("AuthorizationType")).isEqualTo("AWS_IAM");
            assertThat(route).doesNotContainKey("AuthorizerId");
        });
        assertThat(iam.resourcesOfType("AWS::ApiGatewayV2::Authorizer")).noneMatch(iam::isCreated);

        assertThat(iam.isCreated("ApiReaderPolicy")).isTrue();
        Map<String, Object> policy = map(iam.resolve(properties(iam.resource("ApiReaderPolicy")).get("PolicyDocument")));
        List<Object> statements = list(policy.get("Statement"));
        assertThat(statements).hasSize(1);
        Map<String, Object> statement = map(statements.get(0));
        assertThat(statement.get("Effect")).isEqualTo("Allow");
        assertThat(list(statement.get("Action"))).containsExactly("execute-api:Invoke");
        // Only reads, and only of this API.
        assertThat(list(statement.get("Resource"))).containsExactlyInAnyOrder(
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ArticlesApi}/*/GET/*",
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ArticlesApi}/*/HEAD/*");
        assertThat(iam.hasOutput("ApiReaderPolicyArn")).isTrue();
        assertThat(map(map(iam.root().get("Outputs")).get("ApiReaderPolicyArn")).get("Value"))
                .isEqualTo(Map.of("Ref", "ApiReaderPolicy"));
    }

    @Test
    void withJwtEveryRouteRequiresATokenOfTheIssuerForTheAudience() {
        CloudFormationTemplate jwt = template.withParameters(AUTHORIZATION_VARIANTS.get("JWT"));
        List<String> authorizers = jwt.resourcesOfType("AWS::ApiGatewayV2::Authorizer").stream().filter(jwt::isCreated).toList();
        assertThat(authorizers).hasSize(1);
        Map<String, Object> authorizer = map(jwt.resolve(properties(jwt.resource(authorizers.get(0)))));
        assertThat(authorizer.get("AuthorizerType")).isEqualTo("JWT");
        assertThat(list(authorizer.get("IdentitySource"))).containsExactly("$request.header.Authorization");
        Map<String, Object> configuration = map(authorizer.get("JwtConfiguration"));
        assertThat(configuration.get("Issuer")).isEqualTo("https://issuer.example/pool");
        assertThat(list(configuration.get("Audience"))).containsExactly("readers", "editors");

        assertThat(routes(jwt).values()).allSatisfy(route -> {
            assertThat(route.get("AuthorizationType")).isEqualTo("JWT");
            assertThat(route.get("AuthorizerId")).isEqualTo("${" + authorizers.get(0) + "}");
        });
        assertThat(jwt.isCreated("ApiReaderPolicy")).isFalse();
        assertThat(jwt.hasOutput("ApiReaderPolicyArn")).isFalse();
        // A JWT deployment without an issuer or an audience is refused before anything is created.
        assertThat(map(template.root().get("Rules"))).containsKey("JwtNeedsIssuerAndAudience");
    }

    @Test
    void withNoneEveryRouteIsPublicAndNothingElseIsCreated() {
        CloudFormationTemplate none = template.withParameters(AUTHORIZATION_VARIANTS.get("NONE"));
        assertThat(routes(none).values()).allSatisfy(route -> {
            assertThat(route.get("AuthorizationType")).isEqualTo("NONE");
            assertThat(route).doesNotContainKey("AuthorizerId");
        });
        assertThat(none.resourcesOfType("AWS::ApiGatewayV2::Authorizer")).noneMatch(none::isCreated);
        assertThat(none.isCreated("ApiReaderPolicy")).isFalse();
    }

    @Test
    void everyVariantRoutesEveryDocumentedPathToTheLookupFunctionAlone() throws IOException {
        Set<String> documented = new TreeSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(ROOT.resolve("docs/openapi.yaml").toFile()).path("paths").fieldNames()
                .forEachRemaining(path -> documented.add("GET " + path));
        assertThat(ROUTE_KEYS).containsAll(documented);
        for (Map.Entry<String, Map<String, String>> variant : AUTHORIZATION_VARIANTS.entrySet()) {
            CloudFormationTemplate deployed = template.withParameters(variant.getValue());
            Map<String, Map<String, Object>> routes = routes(deployed);
            assertThat(routes.keySet()).as(variant.getKey()).containsExactlyInAnyOrderElementsOf(ROUTE_KEYS);
            for (Map<String, Object> route : routes.values()) {
                assertThat(route.get("Target")).isEqualTo("integrations/${LookupIntegration}");
            }
        }
        Map<String, Object> integration = map(template.resolve(properties(template.resource("LookupIntegration"))));
        assertThat(integration.get("IntegrationType")).isEqualTo("AWS_PROXY");
        assertThat(integration.get("PayloadFormatVersion")).isEqualTo("2.0");
        // The alias, whose published versions SnapStart restores, as the other functions' triggers use.
        assertThat(integration.get("IntegrationUri")).isEqualTo("${LookupFunction.Alias}");
        Map<String, Object> permission = map(template.resolve(properties(template.resource("LookupInvokePermission"))));
        assertThat(permission.get("FunctionName")).isEqualTo("${LookupFunction.Alias}");
        assertThat(permission.get("Principal")).isEqualTo("apigateway.amazonaws.com");
        assertThat((String) permission.get("SourceArn")).endsWith(":${ArticlesApi}/*");
    }

    @Test
    void corsPreflightsAloneSkipAuthorizationAndOnlyWhenCorsIsOn() {
        CloudFormationTemplate jwtWithCors = template.withParameters(AUTHORIZATION_VARIANTS.get("JWT"))
                .withParameters(Map.of("CorsAllowOrigin", "https://reader.example"));
        Map<String, Map<String, Object>> routes = routes(jwtWithCors);
        assertThat(routes.get("OPTIONS /{proxy+}")).as("preflight route").isNotNull();
        // Browsers send preflights without credentials; everything else still needs a token.
        assertThat(routes.get("OPTIONS /{proxy+}").get("AuthorizationType")).isEqualTo("NONE");
        routes.remove("OPTIONS /{proxy+}");
        assertThat(routes.values()).allSatisfy(route -> assertThat(route.get("AuthorizationType")).isEqualTo("JWT"));

        assertThat(routes(template).keySet()).doesNotContain("OPTIONS /{proxy+}");
    }

    @Test
    void everyFunctionWritesItsMetricsToTheStacksOwnNamespace() {
        assertThat(template.resolve(globalVariable(EmbeddedMetrics.NAMESPACE_VARIABLE)))
                .isEqualTo("ArticlePipeline/${AWS::StackName}");
    }

    @Test
    void rejectedShareAlarmDividesRejectedByDecidedUploadsAsTheIngestFunctionCountsThem() {
        Map<String, Object> alarm = map(template.resolve(properties(template.resource("RejectedShareAlarm"))));
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        for (Object query : list(alarm.get("Metrics"))) {
            byId.put((String) map(query).get("Id"), map(query));
        }
        String namespace = (String) template.resolve(globalVariable(EmbeddedMetrics.NAMESPACE_VARIABLE));
        Map<String, String> outcomeOf = Map.of("rejected", IngestOutcome.Outcome.REJECTED.name(),
                "accepted", IngestOutcome.Outcome.OK.name());
        outcomeOf.forEach((id, outcome) -> {
            Map<String, Object> metric = map(map(byId.get(id).get("MetricStat")).get("Metric"));
            assertThat(metric.get("Namespace")).isEqualTo(namespace);
            assertThat(metric.get("MetricName")).isEqualTo(IngestMetrics.CHANGES);
            Map<String, Object> dimensions = new TreeMap<>();
            list(metric.get("Dimensions")).forEach(d -> dimensions.put((String) map(d).get("Name"), map(d).get("Value")));
            assertThat(dimensions).isEqualTo(Map.of("Function", IngestMetrics.FUNCTION, "Outcome", outcome));
            assertThat(map(byId.get(id).get("MetricStat")).get("Stat")).isEqualTo("Sum");
        });
        String expression = (String) byId.get("share").get("Expression");
        assertThat(expression).contains("100 * FILL(rejected, 0) / (FILL(rejected, 0) + FILL(accepted, 0))");
        assertThat(byId.get("share").get("ReturnData")).isEqualTo("true");
        assertThat(alarm.get("Threshold")).isEqualTo(template.parameterDefault("RejectedShareThreshold"));
        assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanThreshold");
    }

    @Test
    void dashboardGraphsOnlyMetricsTheFunctionsWriteInTheirNamespace() throws IOException {
        Map<String, Object> dashboard = properties(template.resource("OperatorDashboard"));
        List<Object> sub = list(map(dashboard.get("DashboardBody")).get("Fn::Sub"));
        String body = ((String) sub.get(0)).replace("${Namespace}", "NS").replace("${AWS::Region}", "eu-west-1")
                .replace("${RejectedShareAlarm.Arn}", "arn:alarm");
        assertThat(template.resolve(map(sub.get(1)).get("Namespace")))
                .isEqualTo(template.resolve(globalVariable(EmbeddedMetrics.NAMESPACE_VARIABLE)));
        var widgets = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("widgets");
        assertThat(widgets.size()).isBetween(4, 12);
        Set<String> graphed = new TreeSet<>();
        for (var widget : widgets) {
            for (var row : widget.path("properties").path("metrics")) {
                // ["NS", "Name", dimensions...], [".", "Name", ".", "."] (same namespace), or
                // ["...", values] (the previous row with other trailing values): only the first two name metrics.
                String first = row.path(0).asText();
                if (!row.path(0).isTextual() || first.equals("...")) {
                    continue;
                }
                if (!first.equals(".")) {
                    assertThat(first).as("namespace of " + row).isEqualTo("NS");
                }
                graphed.add(row.path(1).asText());
            }
        }
        assertThat(graphed).isSubsetOf(Set.of(IngestMetrics.CHANGES, "BytesIn", "BytesOut", "NormalizeTime", "ChangeTime",
                "Indexed", "Unindexed", "Unchanged", "Failed", "NearDuplicatesFound", "BatchTime",
                "Requests", "Latency"));
        assertThat(graphed).contains("Changes", "BytesIn", "NearDuplicatesFound", "Requests", "Latency");
        assertThat(body).contains("arn:alarm");
    }

    /** The routes created in a deployment, by route key, with their properties resolved. */
    private static Map<String, Map<String, Object>> routes(CloudFormationTemplate deployed) {
        Map<String, Map<String, Object>> routes = new TreeMap<>();
        for (String id : deployed.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            if (deployed.isCreated(id)) {
                Map<String, Object> route = map(deployed.resolve(properties(deployed.resource(id))));
                assertThat(routes.put((String) route.get("RouteKey"), route)).as("one route per key").isNull();
            }
        }
        return routes;
    }

    @Test
    void batchOperationsRoleMayOnlyInvokeTheIngestAliasReadInventoriesAndWriteReports() {
        Map<String, Object> role = CloudFormationTemplate.properties(template.resource("BatchOperationsRole"));
        Map<String, Object> trust = map(list(map(role.get("AssumeRolePolicyDocument")).get("Statement")).get(0));
        assertThat(map(trust.get("Principal")).get("Service")).isEqualTo("batchoperations.s3.amazonaws.com");
        String bucketArn = "arn:${AWS::Partition}:s3:::" + template.resolve(globalVariable(PipelineSettings.BUCKET_VARIABLE));
        Map<String, List<Object>> grants = new java.util.TreeMap<>();
        for (Object policy : list(role.get("Policies"))) {
            for (Object statement : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                assertThat(map(statement).get("Effect")).isEqualTo("Allow");
                for (Object action : list(map(statement).get("Action"))) {
                    grants.put((String) action, list(template.resolve(map(statement).get("Resource"))));
                }
            }
        }
        assertThat(grants).containsOnlyKeys("lambda:InvokeFunction", "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject");
        assertThat(grants.get("lambda:InvokeFunction")).singleElement().asString().contains("IngestFunction");
        assertThat(grants.get("s3:GetObject")).containsExactly(bucketArn + "/inventory/*");
        assertThat(grants.get("s3:PutObject")).containsExactly(bucketArn + "/batch-reports/*");
        Map<String, Object> inventory = map(list(CloudFormationTemplate.properties(template.resource("ArticlesBucket"))
                .get("InventoryConfigurations")).get(0));
        assertThat(template.resolve(inventory.get("Prefix"))).isEqualTo(template.parameterDefault("InputPrefix"));
        assertThat(map(inventory.get("Destination")).get("Prefix")).isEqualTo("inventory");
    }

    @Test
    void cfnLintFindsNothingWhenInstalled(@TempDir Path variants) throws Exception {
        String lint = onPath("cfn-lint");
        assumeTrue(lint != null, "cfn-lint is not on PATH (install: pip install cfn-lint; or run sam validate --lint)");
        // The template as it is, and once per way of authorizing the API with that way as the default, so
        // each variant's resolved values are linted too. One cfn-lint process for all of them.
        List<String> command = new ArrayList<>(List.of(lint, "template.yaml"));
        String text = Files.readString(ROOT.resolve("template.yaml"));
        for (Map.Entry<String, Map<String, String>> variant : new TreeMap<>(AUTHORIZATION_VARIANTS).entrySet()) {
            Path copy = variants.resolve("template-" + variant.getKey() + ".yaml");
            Files.writeString(copy, withDefaults(text, variant.getValue()));
            command.add(copy.toString());
        }
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
    }

    /** The template's text with the {@code Default:} of some parameters replaced. */
    private static String withDefaults(String text, Map<String, String> defaults) {
        String result = text;
        for (Map.Entry<String, String> parameter : defaults.entrySet()) {
            Matcher m = Pattern.compile("(?m)^  " + parameter.getKey() + ":\n(?:    .*\n)*?    Default: (.*)$").matcher(result);
            assertThat(m.find()).as("parameter " + parameter.getKey() + " has a Default line").isTrue();
            result = result.substring(0, m.start(1)) + "'" + parameter.getValue() + "'" + result.substring(m.end(1));
        }
        return result;
    }

    private static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static Map<String, Object> ingestFunction() {
        return template.functionProperties("IngestFunction");
    }

    private static Object globalVariable(String name) {
        return map(map(map(map(template.root().get("Globals")).get("Function")).get("Environment")).get("Variables")).get(name);
    }

    /** The Allow statements of a function's inline policies (SAM adds the failure queue's own). */
    private static List<Map<String, Object>> allowStatements(String functionId) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : list(template.functionProperties(functionId).get("Policies"))) {
            assertThat(policy).as(functionId + " policies are inline documents").isInstanceOf(Map.class);
            for (Object statement : list(map(policy).get("Statement"))) {
                if ("Allow".equals(map(statement).get("Effect"))) {
                    statements.add(map(statement));
                }
            }
        }
        return statements;
    }

    private static String defaultAction(String call) {
        int colon = call.indexOf(':');
        return call.substring(0, colon + 1) + Character.toUpperCase(call.charAt(colon + 1)) + call.substring(colon + 2);
    }

    private static Set<String> declaredVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(source);
                for (Pattern pattern : List.of(VARIABLE_CONSTANT, VARIABLE_READ)) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        if (!m.group(1).startsWith("AWS_")) {
                            names.add(m.group(1));
                        }
                    }
                }
            }
        }
        return names;
    }

    private static Map<String, String> attributeDefinitions(Object definitions) {
        Map<String, String> byName = new TreeMap<>();
        for (Object d : list(definitions)) {
            byName.put((String) map(d).get("AttributeName"), (String) map(d).get("AttributeType"));
        }
        return byName;
    }

    private static String keySchema(Object schema) {
        if (schema instanceof List<?> elements && !elements.isEmpty() && elements.get(0) instanceof KeySchemaElement) {
            return elements.stream().map(e -> ((KeySchemaElement) e).attributeName() + ":" + ((KeySchemaElement) e).keyTypeAsString())
                    .collect(Collectors.joining(","));
        }
        return list(schema).stream().map(e -> map(e).get("AttributeName") + ":" + map(e).get("KeyType"))
                .collect(Collectors.joining(","));
    }
}
