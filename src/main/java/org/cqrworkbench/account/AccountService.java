package org.cqrworkbench.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 200;
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._-]{2,60}");

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional
    public UserAccount createUser(String username, String password, String displayName) {
        return create(username, password, displayName, false);
    }

    /**
     * The account of a person who arrives with an imported study: matched by username when this installation knows
     * them, otherwise created disabled, with a password nobody knows, until an administrator enables it.
     */
    @Transactional
    public ImportedPerson personFromImport(String username, String displayName) {
        String wanted = usernameFrom(username);
        Optional<UserAccount> known = accounts.findByUsername(wanted);
        if (known.isPresent()) {
            return new ImportedPerson(known.get(), false);
        }
        String display = displayName == null || displayName.isBlank() ? wanted : displayName.strip();
        display = display.length() > 120 ? display.substring(0, 120) : display;
        UserAccount created = new UserAccount(wanted, display, passwordEncoder.encode(randomPassword()), false, Instant.now(clock));
        created.setEnabled(false);
        return new ImportedPerson(accounts.save(created), true);
    }

    /** Who an imported name became, and whether the import created the account. */
    public record ImportedPerson(UserAccount account, boolean created) {
    }

    /** A valid username made from a person's name as another program wrote it: "Friedrich Markgraf" → "Friedrich.Markgraf". */
    public static String usernameFrom(String name) {
        String base = name == null ? "" : java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").replaceAll("\\s+", ".").replaceAll("[^a-zA-Z0-9._-]", "");
        base = base.length() > 60 ? base.substring(0, 60) : base;
        return base.length() < 2 ? "person" + (base.isEmpty() ? "" : "." + base) : base;
    }

    @Transactional
    UserAccount createAdministrator(String username, String password) {
        return create(username, password, "Administrator", true);
    }

    private UserAccount create(String username, String password, String displayName, boolean admin) {
        String name = username == null ? "" : username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("account.username.invalid");
        }
        if (accounts.findByUsername(name).isPresent()) {
            throw new InvalidInputException("account.username.taken", name);
        }
        checkPassword(password);
        String display = displayName == null || displayName.isBlank() ? name : displayName.trim();
        if (display.length() > 120) {
            throw new InvalidInputException("account.displayName.tooLong");
        }
        return accounts.save(new UserAccount(name, display, passwordEncoder.encode(password), admin, Instant.now(clock)));
    }

    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = byUsername(username);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new InvalidInputException("account.password.currentWrong");
        }
        checkPassword(newPassword);
        account.changePasswordHash(passwordEncoder.encode(newPassword));
    }

    @Transactional
    void resetPassword(long accountId, String newPassword) {
        checkPassword(newPassword);
        UserAccount account = byId(accountId);
        account.changePasswordHash(passwordEncoder.encode(newPassword));
        account.clearFailedLogins();
    }

    @Transactional
    void setEnabled(long accountId, boolean enabled, String actingUsername) {
        UserAccount account = byId(accountId);
        if (!enabled && account.getUsername().equals(actingUsername)) {
            throw new InvalidInputException("account.disable.self");
        }
        account.setEnabled(enabled);
    }

    private UserAccount byUsername(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("account.notFound"));
    }

    private UserAccount byId(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account.notFound"));
    }

    /** A password nobody chose: 144 random bits, URL-safe so it can be copied from a console. */
    public static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("account.password.tooShort", MIN_PASSWORD_LENGTH);
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException("account.password.tooLong", MAX_PASSWORD_LENGTH);
        }
    }
}
