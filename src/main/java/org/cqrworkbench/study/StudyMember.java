package org.cqrworkbench.study;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.cqrworkbench.account.UserAccount;

/** A user's place in one study's team, with the biases and expectations they recorded for it. */
@Entity
public class StudyMember {

    static final int MAX_BIASES = 20000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "study_id")
    private Study study;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StudyRole role;

    private String biases;

    @Version
    private long version;

    protected StudyMember() {
    }

    StudyMember(Study study, UserAccount user, StudyRole role) {
        this.study = study;
        this.user = user;
        this.role = role;
    }

    public Long getId() {
        return id;
    }

    public Study getStudy() {
        return study;
    }

    public UserAccount getUser() {
        return user;
    }

    public StudyRole getRole() {
        return role;
    }

    public String getBiases() {
        return biases;
    }

    public long getVersion() {
        return version;
    }

    void changeRole(StudyRole role) {
        this.role = role;
    }

    void recordBiases(String biases) {
        this.biases = biases;
    }
}
