package org.cqrworkbench.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.web.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@FlowTest
class CodebookExchangeTest {

    static final String CODEBOOK = """
            <?xml version="1.0" encoding="utf-8"?>
            <CodeBook xmlns="urn:QDA-XML:codebook:1:0" origin="Another program">
              <Codes>
                <Code guid="{AAAAAAAA-AAAA-AAAA-AAAA-AAAAAAAAAAAA}" name="Event" isCodable="true">
                  <Code guid="BBBBBBBB-BBBB-BBBB-BBBB-BBBBBBBBBBBB" name="Onset" isCodable="true"><Description>How it began</Description></Code>
                </Code>
                <Code guid="cccccccc-cccc-cccc-cccc-cccccccccccc" name="Consequences" isCodable="false">
                  <Code guid="dddddddd-dddd-dddd-dddd-dddddddddddd" name="For the therapy" isCodable="true"/>
                </Code>
              </Codes>
            </CodeBook>""";

    @Autowired
    CodebookExchange codebooks;
    @Autowired
    DomainService domains;
    @Autowired
    TestData data;
    @Autowired
    MockMvc mvc;

    String lead;
    String auditor;
    long studyId;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, data.user("judge"), auditor);
        domains.create(studyId, lead, "Event", "The crying itself", null);
    }

    @Test
    void aCodebookMergesIntoTheDomainListKeepingNestingAndNamesAlreadyThere() {
        CodebookExchange.Summary summary = codebooks.importCodebook(studyId, lead, "book.qdc", CODEBOOK.getBytes(StandardCharsets.UTF_8));
        assertThat(summary.added()).isEqualTo(3);
        assertThat(summary.kept()).containsExactly("Event");
        Map<String, Domain> byName = new java.util.HashMap<>();
        domains.domains(studyId, lead).forEach(d -> byName.put(d.getName(), d));
        assertThat(byName.get("Onset").getParentId()).isEqualTo(byName.get("Event").getId());
        assertThat(byName.get("Onset").getDefinition()).isEqualTo("How it began");
        assertThat(byName.get("For the therapy").getParentId()).isEqualTo(byName.get("Consequences").getId());
        assertThat(byName.get("Event").getDefinition()).isEqualTo("The crying itself");
    }

    @Test
    void theExportedCodebookIsValidAndComesBackTheSame() throws Exception {
        codebooks.importCodebook(studyId, lead, "book.qdc", CODEBOOK.getBytes(StandardCharsets.UTF_8));
        byte[] exported = codebooks.export(studyId, auditor);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Fixtures.SCHEMAS.resolve("Codebook-mrt2019.xsd").toFile())
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(exported)));

        String other = data.user("other");
        long otherStudy = data.studyWithTeam(other, data.user("j"), data.user("a"));
        codebooks.importCodebook(otherStudy, other, "export.qdc", exported);
        assertThat(outline(otherStudy, other)).isEqualTo(outline(studyId, lead));
    }

    @Test
    void anAuditorMayDownloadButNotImportACodebook() throws Exception {
        mvc.perform(get("/studies/" + studyId + "/codebook.qdc").with(user(auditor))).andExpect(status().isOk());
        mvc.perform(multipart("/studies/" + studyId + "/codebook").file(file("book.qdc", CODEBOOK)).with(user(auditor)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/studies/" + studyId + "/codebook").file(file("book.qdc", CODEBOOK))
                .with(httpBasic(auditor, TestData.PASSWORD))).andExpect(status().isForbidden());
        assertThat(domains.domains(studyId, lead)).extracting(Domain::getName).containsExactly("Event");
    }

    @Test
    void theDomainsPageTakesQdcAndCsvCodebooksAlike() throws Exception {
        mvc.perform(multipart("/studies/" + studyId + "/codebook").file(file("book.qdc", CODEBOOK)).with(user(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.containsString("3 domains added")));
        mvc.perform(multipart("/studies/" + studyId + "/codebook").file(file("book.csv", "Domain,Parent\nAfter,Event\n"))
                        .with(user(lead)).with(csrf()))
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.containsString("1 domain added")));
        mvc.perform(multipart("/api/studies/" + studyId + "/codebook").file(file("book.qdc", CODEBOOK))
                        .with(httpBasic(lead, TestData.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(0)).andExpect(jsonPath("$.kept.length()").value(4));
    }

    @Test
    void aBrokenCodebookAddsNothingAndSaysWhy() throws Exception {
        assertThatThrownBy(() -> codebooks.importCodebook(studyId, lead, "book.qdc", "<CodeBook><Codes>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("exchange.xml.malformed"));
        mvc.perform(multipart("/studies/" + studyId + "/codebook").file(file("book.qdc", "<Project xmlns=\"urn:QDA-XML:project:1.0\"/>"))
                        .with(user(lead)).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("not a REFI-QDA CodeBook")));
        assertThat(domains.domains(studyId, lead)).extracting(Domain::getName).containsExactly("Event");
    }

    private List<String> outline(long study, String username) {
        Map<Long, String> names = new java.util.HashMap<>();
        List<Domain> all = domains.domains(study, username);
        all.forEach(d -> names.put(d.getId(), d.getName()));
        return all.stream().map(d -> (d.getParentId() == null ? "" : names.get(d.getParentId()) + " › ") + d.getName() + " = "
                + d.getDefinition()).sorted().toList();
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8));
    }
}
