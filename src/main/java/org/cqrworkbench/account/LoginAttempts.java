package org.cqrworkbench.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for a while after repeated wrong passwords, which stops password guessing
 * against one account without locking anyone out for good.
 */
@Component
class LoginAttempts {

    private final UserAccountRepository accounts;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttempts(UserAccountRepository accounts, Clock clock,
            @Value("${cqr.login.max-failures}") int maxFailures,
            @Value("${cqr.login.lock-minutes}") int lockMinutes) {
        this.accounts = accounts;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = Duration.ofMinutes(lockMinutes);
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        accounts.findByUsername(event.getAuthentication().getName())
                .ifPresent(account -> account.recordFailedLogin(maxFailures, Instant.now(clock).plus(lockDuration)));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        accounts.findByUsername(event.getAuthentication().getName()).ifPresent(UserAccount::clearFailedLogins);
    }
}
