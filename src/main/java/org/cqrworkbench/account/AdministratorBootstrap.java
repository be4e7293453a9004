package org.cqrworkbench.account;

import org.cqrworkbench.server.FirstStartLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start, with no account at all, creates the site administrator so someone can sign in.
 * A password given in CQR_ADMIN_PASSWORD is used and never printed; otherwise a random one is printed once.
 */
@Component
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final UserAccountRepository accounts;
    private final AccountService accountService;
    private final FirstStartLock firstStart;
    private final String configuredPassword;

    AdministratorBootstrap(UserAccountRepository accounts, AccountService accountService, FirstStartLock firstStart,
            @Value("${CQR_ADMIN_PASSWORD:}") String configuredPassword) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.firstStart = firstStart;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        firstStart.holdUntilCommit();
        if (accounts.count() > 0) {
            return;
        }
        if (!configuredPassword.isEmpty()) {
            accountService.createAdministrator(ADMIN_USERNAME, configuredPassword);
            log.info("Created the administrator account '{}' with the password from CQR_ADMIN_PASSWORD.", ADMIN_USERNAME);
            return;
        }
        String generated = AccountService.randomPassword();
        accountService.createAdministrator(ADMIN_USERNAME, generated);
        log.warn("""

                ==============================================================
                  First start: created the administrator account.
                    username: {}
                    password: {}
                  This password is shown only this once. Sign in and change it
                  under "My account".
                ==============================================================
                """, ADMIN_USERNAME, generated);
    }
}
