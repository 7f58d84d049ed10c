package dev.mlpmaven.engine.train;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The only matrix product of the engine: {@code C = alpha * op(A) . op(B) + beta * C} on row-major matrices whose
 * memory ND4J allocated, computed by the OpenBLAS that ND4J itself bundles and loads ({@code org.bytedeco.openblas}),
 * called directly. Measured here, {@code Nd4j.gemm} into a preallocated array costs 170-320 us of overhead per
 * call (an op object, checks, the libnd4j dispatch) against about 1 us for the direct call; the seed workload
 * makes 1,880 calls an epoch.
 */
final class Gemm {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    /**
     * A row-major {@code rows x cols} matrix over an ND4J array's memory from float {@code offset} on. Holds the
     * array so that its off-heap memory lives as long as the matrix.
     */
    static final class Mat {
        final INDArray owner;
        final FloatPointer p;
        final int rows;
        final int cols;

        Mat(INDArray owner, int rows, int cols) {
            this(owner, 0, rows, cols);
        }

        Mat(INDArray owner, long offset, int rows, int cols) {
            if (offset < 0 || offset + (long) rows * cols > owner.data().length()) {
                throw new IllegalArgumentException("matrix " + rows + "x" + cols + " at " + offset + " exceeds "
                        + owner.data().length());
            }
            this.owner = owner;
            // JavaCPP passes address + position to the native call
            this.p = new FloatPointer(owner.data().addressPointer()).position(offset);
            this.rows = rows;
            this.cols = cols;
        }
    }

    private Gemm() {
    }

    static void gemm(Mat a, Mat b, Mat c, boolean transA, boolean transB, double alpha, double beta) {
        int m = c.rows;
        int n = c.cols;
        int k = transA ? a.rows : a.cols;
        int am = transA ? a.cols : a.rows;
        int bk = transB ? b.cols : b.rows;
        int bn = transB ? b.rows : b.cols;
        if (am != m || bk != k || bn != n) {
            throw new IllegalArgumentException("gemm: found op(A) " + am + "x" + k + ", op(B) " + bk + "x" + bn
                    + ", C " + m + "x" + n + ", expected matching shapes");
        }
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k,
                (float) alpha, a.p, a.cols, b.p, b.cols, (float) beta, c.p, c.cols);
    }
}
