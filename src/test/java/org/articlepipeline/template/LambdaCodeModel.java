package org.articlepipeline.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What a handler's code can do, read from the compiled classes ({@code target/classes}): every method
 * reachable from the handler class, the AWS SDK client calls they make and the string constants they use.
 *
 * <p>Reachability follows direct calls, lambdas and method references, and static initializers of the
 * project's own classes; a call through a supertype reaches every override in the project. It is a call
 * graph, not a class list, so a class shared by both functions (an {@code org.articlepipeline.store}
 * class) counts only the methods each function really calls: ingest reads originals and writes outputs,
 * lookup only reads outputs, through the same {@code ArticleBucket}.
 */
final class LambdaCodeModel {

    /** Internal-name prefix of the project's classes: the only ones the walk enters. */
    private static final String PROJECT = "org/articlepipeline/";

    /** SDK client interfaces whose calls are AWS API calls, and the IAM service prefix each needs. */
    static final Map<String, String> CLIENTS = Map.of(
            "software/amazon/awssdk/services/s3/S3Client", "s3",
            "software/amazon/awssdk/services/dynamodb/DynamoDbClient", "dynamodb");

    /** Client methods that are no AWS API call: static factories and local helpers. */
    private static final Set<String> NOT_API_CALLS = Set.of(
            "builder", "create", "serviceMetadata", "close", "serviceName", "serviceClientConfiguration",
            "utilities", "waiter");

    private final Map<String, ClassInfo> classes;

    private LambdaCodeModel(Map<String, ClassInfo> classes) {
        this.classes = classes;
    }

    /** Reads every class file under {@code classesDirectory}. */
    static LambdaCodeModel read(Path classesDirectory) throws IOException {
        Map<String, ClassInfo> classes = new HashMap<>();
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                try (InputStream in = Files.newInputStream(file)) {
                    ClassInfo info = new ClassInfo();
                    new ClassReader(in).accept(info, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                    classes.put(info.name, info);
                }
            }
        }
        return new LambdaCodeModel(classes);
    }

    /** What the code reachable from one handler class does. */
    Reach reachFrom(String handlerClassName) {
        String start = handlerClassName.replace('.', '/');
        ClassInfo handler = classes.get(start);
        if (handler == null) {
            throw new AssertionError("no compiled class " + handlerClassName);
        }
        Set<String> visited = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(handler.methods.keySet().stream().map(m -> start + "." + m).toList());
        queue.add(start + ".<clinit>()V");
        Set<String> sdkCalls = new TreeSet<>();
        Set<String> constants = new TreeSet<>();
        Set<String> classesUsed = new TreeSet<>();
        while (!queue.isEmpty()) {
            String method = queue.poll();
            if (!visited.add(method)) {
                continue;
            }
            int dot = method.indexOf('.');
            String owner = method.substring(0, dot);
            MethodInfo info = classes.get(owner) == null ? null : classes.get(owner).methods.get(method.substring(dot + 1));
            if (info == null) {
                continue;
            }
            classesUsed.add(owner.replace('/', '.'));
            constants.addAll(info.constants);
            for (String[] call : info.calls) {
                String callOwner = call[0];
                String nameAndDescriptor = call[1];
                String callName = nameAndDescriptor.substring(0, nameAndDescriptor.indexOf('('));
                if (CLIENTS.containsKey(callOwner)) {
                    if (!NOT_API_CALLS.contains(callName)) {
                        sdkCalls.add(CLIENTS.get(callOwner) + ":" + callName);
                    }
                } else if (callOwner.startsWith(PROJECT)) {
                    queue.add(callOwner + ".<clinit>()V");
                    for (String target : implementations(callOwner, nameAndDescriptor)) {
                        queue.add(target + "." + nameAndDescriptor);
                    }
                }
            }
        }
        return new Reach(sdkCalls, constants, classesUsed);
    }

    /** The classes that define {@code method} for a call on {@code owner}: inherited or overriding. */
    private List<String> implementations(String owner, String method) {
        List<String> targets = new ArrayList<>();
        for (String c = owner; c != null && classes.containsKey(c); c = classes.get(c).superName) {
            if (classes.get(c).methods.containsKey(method)) {
                targets.add(c);
                break;
            }
        }
        for (ClassInfo candidate : classes.values()) {
            if (!candidate.name.equals(owner) && isSubtype(candidate.name, owner)
                    && candidate.methods.containsKey(method)) {
                targets.add(candidate.name);
            }
        }
        return targets;
    }

    private boolean isSubtype(String type, String ancestor) {
        ClassInfo info = classes.get(type);
        if (info == null) {
            return false;
        }
        if (ancestor.equals(info.superName) || info.interfaces.contains(ancestor)) {
            return true;
        }
        if (isSubtype(info.superName, ancestor)) {
            return true;
        }
        return info.interfaces.stream().anyMatch(i -> isSubtype(i, ancestor));
    }

    /**
     * Reachable code of one handler.
     *
     * @param sdkCalls    {@code service:method} of every SDK client call, e.g. {@code s3:getObject}
     * @param constants   every string constant the reachable methods load (inlined constants included)
     * @param classesUsed the project classes with at least one reachable method
     */
    record Reach(Set<String> sdkCalls, Set<String> constants, Set<String> classesUsed) {
    }

    private static final class ClassInfo extends ClassVisitor {
        String name;
        String superName;
        List<String> interfaces = List.of();
        final Map<String, MethodInfo> methods = new HashMap<>();

        ClassInfo() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            this.superName = superName;
            this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodInfo method = new MethodInfo();
            methods.put(name + descriptor, method);
            return method;
        }
    }

    private static final class MethodInfo extends MethodVisitor {
        /** {owner, name + descriptor} of each call and each method handle. */
        final List<String[]> calls = new ArrayList<>();
        final Set<String> constants = new HashSet<>();

        MethodInfo() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            calls.add(new String[] {owner, name + descriptor});
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            // Lambdas and method references: the implementation method is a handle among the arguments.
            for (Object argument : arguments) {
                if (argument instanceof Handle handle) {
                    calls.add(new String[] {handle.getOwner(), handle.getName() + handle.getDesc()});
                } else if (argument instanceof String text) {
                    constants.add(text);
                }
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof String text) {
                constants.add(text);
            }
        }
    }
}
