package org.articlepipeline.normalize.clean;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The cleaning pass's run loop stays too large for C2 to inline into the cleaning loop: inlined, it spills
 * registers on every char and a page cleans about 20 % slower (see {@code TextCleaner.Pass#take}). Nothing but
 * a benchmark would notice the loop shrinking below the limit, so its bytecode size is checked here.
 */
class RunLoopSizeTest {

    /** HotSpot's {@code FreqInlineSize} on x86-64 and AArch64: hot methods up to this many bytecodes are inlined. */
    private static final int FREQ_INLINE_SIZE = 325;

    @Test
    void theRunLoopIsLargerThanC2InlinesHotMethods() throws IOException {
        int size = codeLength("/org/articlepipeline/normalize/clean/TextCleaner$Pass.class", "take");
        assertTrue(size > FREQ_INLINE_SIZE, "Pass.take has " + size + " bytecodes; over " + FREQ_INLINE_SIZE
                + " C2 compiles it on its own, as it must stay");
    }

    /** The length of the Code attribute of method {@code name} in the class file at {@code resource}. */
    private static int codeLength(String resource, String name) throws IOException {
        try (InputStream raw = RunLoopSizeTest.class.getResourceAsStream(resource)) {
            DataInputStream in = new DataInputStream(raw);
            in.skipBytes(8);                                   // magic, minor and major version
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;                                    // longs and doubles take two entries
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            in.skipBytes(6);                                   // access flags, this and super class
            in.skipBytes(2 * in.readUnsignedShort());          // interfaces
            skipMembers(in);                                   // fields
            for (int m = in.readUnsignedShort(); m > 0; m--) {
                in.skipBytes(2);
                String methodName = utf8[in.readUnsignedShort()];
                in.skipBytes(2);
                for (int a = in.readUnsignedShort(); a > 0; a--) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (methodName.equals(name) && attribute.equals("Code")) {
                        in.skipBytes(4);                       // max stack and max locals
                        return in.readInt();
                    }
                    in.skipBytes(length);
                }
            }
            throw new IOException("no method " + name + " in " + resource);
        }
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        for (int f = in.readUnsignedShort(); f > 0; f--) {
            in.skipBytes(6);
            for (int a = in.readUnsignedShort(); a > 0; a--) {
                in.skipBytes(2);
                in.skipBytes(in.readInt());
            }
        }
    }
}
