package org.cqrworkbench.coreidea;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The consensus version of a case (or of all cases), as a page that prints cleanly and as a Word document. */
@Controller
class ConsensusVersionPage {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final StudyAccess access;
    private final ConsensusVersion consensusVersion;

    ConsensusVersionPage(StudyAccess access, ConsensusVersion consensusVersion) {
        this.access = access;
        this.consensusVersion = consensusVersion;
    }

    @GetMapping("/studies/{studyId}/cases/{code}/consensus-version")
    String oneCase(@PathVariable long studyId, @PathVariable String code, Principal principal, Model model) {
        return page(studyId, principal, model, List.of(code));
    }

    @GetMapping("/studies/{studyId}/consensus-version")
    String allCases(@PathVariable long studyId, Principal principal, Model model) {
        return page(studyId, principal, model, List.of());
    }

    @GetMapping("/studies/{studyId}/cases/{code}/consensus-version.docx")
    ResponseEntity<byte[]> oneCaseDocx(@PathVariable long studyId, @PathVariable String code, Principal principal) throws IOException {
        return docx(studyId, principal, List.of(code), "consensus-version-" + code + ".docx");
    }

    @GetMapping("/studies/{studyId}/consensus-version.docx")
    ResponseEntity<byte[]> allCasesDocx(@PathVariable long studyId, Principal principal) throws IOException {
        return docx(studyId, principal, List.of(), "consensus-versions-study-" + studyId + ".docx");
    }

    private String page(long studyId, Principal principal, Model model, List<String> codes) {
        StudyMember me = access.member(studyId, principal.getName());
        var versions = consensusVersion.of(studyId, principal.getName(), codes);
        if (!codes.isEmpty() && versions.isEmpty()) {
            throw new org.cqrworkbench.web.NotFoundException("case.notFound", codes.get(0));
        }
        model.addAttribute("study", me.getStudy());
        model.addAttribute("me", me);
        model.addAttribute("section", "cases");
        model.addAttribute("versions", versions);
        model.addAttribute("single", !codes.isEmpty());
        return "coreidea/consensus-version";
    }

    private ResponseEntity<byte[]> docx(long studyId, Principal principal, List<String> codes, String fileName) throws IOException {
        StudyMember me = access.member(studyId, principal.getName());
        var versions = consensusVersion.of(studyId, principal.getName(), codes);
        if (!codes.isEmpty() && versions.isEmpty()) {
            throw new org.cqrworkbench.web.NotFoundException("case.notFound", codes.get(0));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsensusVersionDocx.write(me.getStudy().getName(), versions, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(MediaType.parseMediaType(DOCX))
                .body(out.toByteArray());
    }
}
