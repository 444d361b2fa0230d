package org.articlepipeline.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Moves objects a data folder kept before keys were stored exactly ({@link StoredKeys}) to their stored
 * names, so a stack restarted on an older {@code --data} folder still serves every object it had.
 *
 * <p>The older layout kept each object at the path of its key (as the file system resolved it); any file
 * under a bucket whose name lacks the object mark is such an object, named by its relative path. Names
 * starting with a dot are the file store's own (versions, multipart parts) and stay where they are.
 */
final class LegacyKeyLayout {

    private LegacyKeyLayout() {
    }

    /** Moves every older-layout object under {@code storeRoot}'s buckets; returns how many moved. */
    static int migrate(Path storeRoot) throws IOException {
        int moved = 0;
        List<Path> buckets;
        try (Stream<Path> children = Files.list(storeRoot)) {
            buckets = children.filter(Files::isDirectory).toList();
        }
        for (Path bucket : buckets) {
            List<Path> legacy;
            try (Stream<Path> files = Files.walk(bucket)) {
                legacy = files.filter(Files::isRegularFile).filter(file -> isLegacyObject(bucket, file)).toList();
            }
            for (Path file : legacy) {
                String key = bucket.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                Path target = bucket.resolve(StoredKeys.name(key));
                Files.createDirectories(target.getParent());
                // A move within the store keeps the file's extended attributes (ETag, content type).
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                moved++;
            }
        }
        return moved;
    }

    private static boolean isLegacyObject(Path bucket, Path file) {
        for (Path element : bucket.relativize(file)) {
            if (element.toString().startsWith(".")) {
                return false;
            }
        }
        return StoredKeys.key(bucket.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/")) == null;
    }
}
