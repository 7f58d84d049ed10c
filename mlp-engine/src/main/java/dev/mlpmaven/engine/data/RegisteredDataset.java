package dev.mlpmaven.engine.data;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset the resolver can fetch by name.
 *
 * @param name       the name used in the experiment file, e.g. {@code fashion-mnist}
 * @param classNames one per class
 * @param mirrors    base URLs tried in order (each ends with "/"); the file name is appended
 * @param files      the four files
 * @param debianPackage the Debian package that installs the files in /usr/share/datasets/&lt;name&gt;/, or null
 */
public record RegisteredDataset(String name, List<String> classNames, List<String> mirrors,
                                Map<FileRole, RemoteFile> files, String debianPackage) {
    public RegisteredDataset {
        classNames = List.copyOf(classNames);
        mirrors = mirrors.stream().map(RegisteredDataset::withSlash).toList();
        Map<FileRole, RemoteFile> copy = new EnumMap<>(FileRole.class);
        copy.putAll(files);
        for (FileRole role : FileRole.values()) {
            if (!copy.containsKey(role) || copy.get(role).role() != role) {
                throw new IllegalArgumentException("dataset " + name + ": file " + role.key() + " missing or misplaced");
            }
        }
        files = Map.copyOf(copy);
    }

    public RemoteFile file(FileRole role) {
        return files.get(role);
    }

    static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
