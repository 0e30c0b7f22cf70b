package io.github.vbios.vm;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random and mutated domain XML ends in a result (usable or with a finding), never an exception. */
class LibvirtDomainPropertiesTest {
    @Provide
    Arbitrary<String> mutatedDomains() {
        String base = LibvirtPatchTest.DOMAIN;
        return Arbitraries.integers().between(0, base.length() - 1).list().ofMinSize(1).ofMaxSize(6)
                .flatMap(cuts -> Arbitraries.strings().withChars("<>/='\"&;x0 :-").ofMaxLength(4).list()
                        .ofSize(cuts.size()).map(ins -> {
                            StringBuilder sb = new StringBuilder(base);
                            for (int i = 0; i < cuts.size(); i++) {
                                int at = Math.min(cuts.get(i), sb.length());
                                int end = Math.min(sb.length(), at + ins.get(i).length());
                                sb.replace(at, end, ins.get(i));
                            }
                            return sb.toString();
                        }));
    }

    @Property(tries = 200)
    void mutatedDomainsNeverThrow(@ForAll("mutatedDomains") String xml) throws Exception {
        LibvirtDomain d = LibvirtDomain.read(xml);
        if (d.usable()) {
            String patched = LibvirtXml.patch(d, Plans.laptop(99));
            assertThat(RenderTest.parse(patched).getDocumentElement().getTagName()).isEqualTo("domain");
        } else {
            assertThat(d.findings()).isNotEmpty();
        }
    }

    @Property(tries = 200)
    void randomTextNeverThrows(@ForAll String text) {
        LibvirtDomain d = LibvirtDomain.read(text);
        assertThat(d.usable() || !d.findings().isEmpty()).isTrue();
    }
}
