package io.github.vbios.codec;

/**
 * Shared sanity limits for every decoder: an explicit output cap from the caller plus a ratio cap,
 * so a tiny hostile stream cannot claim gigabytes (DESIGN.md 3: "decompressors take an output limit").
 */
final class OutputLimits {
    /** Largest expansion we believe from real encoders (EFI/LZMA/Brotli reach ~1000:1 on zero fill). */
    static final long MAX_RATIO = 8192;
    /** Small inputs may always expand to this much, whatever the ratio. */
    static final long RATIO_FLOOR = 1 << 20;

    private OutputLimits() {
    }

    /** Throws when {@code declared} exceeds the caller's cap or the ratio cap for {@code inputBytes}. */
    static int check(String format, long declared, long inputBytes, int maxOutput) throws CodecException {
        if (maxOutput < 0) {
            throw new IllegalArgumentException("maxOutput must be >= 0, was " + maxOutput);
        }
        if (declared < 0) {
            throw new CodecException(format + ": declared output size " + Long.toUnsignedString(declared)
                    + " is not a valid size");
        }
        if (declared > maxOutput) {
            throw new CodecException(format + ": declared output size " + declared
                    + " bytes exceeds the limit of " + maxOutput + " bytes").overLimit();
        }
        if (declared > ratioCap(inputBytes)) {
            throw new CodecException(format + ": declared output size " + declared + " bytes from "
                    + inputBytes + " input bytes exceeds the sanity ratio of " + MAX_RATIO + ":1");
        }
        return (int) declared;
    }

    /** The most output we accept from {@code inputBytes} of compressed input. */
    static long ratioCap(long inputBytes) {
        return Math.max(RATIO_FLOOR, Math.min(Long.MAX_VALUE / MAX_RATIO, inputBytes) * MAX_RATIO);
    }

    /** The effective cap for streams whose size is not declared up front. */
    static int streamCap(long inputBytes, int maxOutput) {
        return (int) Math.min(maxOutput, ratioCap(inputBytes));
    }
}
