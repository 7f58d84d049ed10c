package dev.mlpmaven.engine.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named datasets, their mirrors and checksums, in one place (sources: torchvision, Keras, the Fashion-MNIST
 * README; the decompressed Fashion-MNIST hashes were measured on Debian's package). For MNIST the SHA-256 of the
 * decompressed content is not published: a download is verified by its .gz hash and the content hash is
 * recorded in the cache then.
 */
public final class DatasetRegistry {
    public static final String MNIST = "mnist";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String SAMPLE = "fashion-mnist-sample";

    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final List<String> DIGIT_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static final DatasetRegistry BUILT_IN = new DatasetRegistry(List.of(
            new RegisteredDataset(MNIST, DIGIT_CLASSES, List.of(
                    "https://ossci-datasets.s3.amazonaws.com/mnist/",
                    "https://storage.googleapis.com/cvdf-datasets/mnist/",
                    "http://yann.lecun.com/exdb/mnist/"),
                    Map.of(FileRole.TRAIN_IMAGES, new RemoteFile(FileRole.TRAIN_IMAGES, "train-images-idx3-ubyte.gz",
                                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", null),
                            FileRole.TRAIN_LABELS, new RemoteFile(FileRole.TRAIN_LABELS, "train-labels-idx1-ubyte.gz",
                                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", null),
                            FileRole.TEST_IMAGES, new RemoteFile(FileRole.TEST_IMAGES, "t10k-images-idx3-ubyte.gz",
                                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", null),
                            FileRole.TEST_LABELS, new RemoteFile(FileRole.TEST_LABELS, "t10k-labels-idx1-ubyte.gz",
                                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", null)), null),
            new RegisteredDataset(FASHION_MNIST, FASHION_CLASSES, List.of(
                    "https://storage.googleapis.com/tensorflow/tf-keras-datasets/",
                    "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                    Map.of(FileRole.TRAIN_IMAGES, new RemoteFile(FileRole.TRAIN_IMAGES, "train-images-idx3-ubyte.gz",
                                    "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                                    "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
                            FileRole.TRAIN_LABELS, new RemoteFile(FileRole.TRAIN_LABELS, "train-labels-idx1-ubyte.gz",
                                    "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
                            FileRole.TEST_IMAGES, new RemoteFile(FileRole.TEST_IMAGES, "t10k-images-idx3-ubyte.gz",
                                    "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
                            FileRole.TEST_LABELS, new RemoteFile(FileRole.TEST_LABELS, "t10k-labels-idx1-ubyte.gz",
                                    "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34")),
                    "dataset-fashion-mnist")));

    private final Map<String, RegisteredDataset> datasets;

    public DatasetRegistry(List<RegisteredDataset> datasets) {
        Map<String, RegisteredDataset> m = new LinkedHashMap<>();
        for (RegisteredDataset d : datasets) {
            m.put(d.name(), d);
        }
        this.datasets = Map.copyOf(m);
    }

    public static DatasetRegistry builtIn() {
        return BUILT_IN;
    }

    public Optional<RegisteredDataset> find(String name) {
        return Optional.ofNullable(datasets.get(name));
    }

    public Set<String> names() {
        return new java.util.TreeSet<>(datasets.keySet());
    }
}
