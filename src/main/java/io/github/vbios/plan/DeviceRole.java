package io.github.vbios.plan;

import java.util.Locale;

/** Why doctor lists a device: a GPU to pass through, the host's own display, or a sibling function. */
public enum DeviceRole {
    PASSTHROUGH, HOST_DISPLAY, COMPANION;

    /** JSON form: {@code passthrough}, {@code host-display}, {@code companion}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
