package io.github.vbios.guest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vbios vm qemu}: its {@code qemuArgs} as printed, TCG instead of KVM (CI has no /dev/kvm).
 * Hotplug on is {@code --keep-hotplug}. SeaBIOS guests drop the two pflash drives; OVMF guests get
 * the VARS copy the plan names, in the folder QEMU runs in (as the user's start script does).
 */
record QemuStack() implements Stack {
    @Override
    public String name() {
        return "qemu";
    }

    @Override
    public List<String> vmCommand(Guest guest) {
        List<String> cmd = new ArrayList<>(List.of("vm", "qemu"));
        if (guest.hotplug()) {
            cmd.add("--keep-hotplug");
        }
        return cmd;
    }

    @Override
    public List<String> qemu(JsonNode vm, Guest guest) throws Exception {
        List<String> args = Vbios.strings(vm.get("qemuArgs"));
        List<String> out = new ArrayList<>(List.of("qemu-system-x86_64"));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-drive") && args.get(i + 1).startsWith("if=pflash")) {
                if (guest.ovmf()) {
                    out.add(a);
                    out.add(args.get(i + 1));
                }
                i++;
                continue;
            }
            out.add(a.startsWith("q35,") || a.startsWith("pc-q35") ? a.replace("accel=kvm", "accel=tcg") : a);
        }
        if (guest.ovmf()) {
            Path vars = guest.dir().resolve(vm.get("plan").get("ovmfVars").asText());
            Files.createDirectories(vars.getParent());
            Files.copy(OVMF_VARS, vars);
        }
        out = StandIn.args(out);
        out.addAll(guest.common());
        return out;
    }
}
