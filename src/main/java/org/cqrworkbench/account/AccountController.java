package org.cqrworkbench.account;

import java.security.Principal;
import java.util.Locale;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in page and each user's own account. */
@Controller
class AccountController {

    private final AccountService accountService;
    private final MessageSource messages;

    AccountController(AccountService accountService, MessageSource messages) {
        this.accountService = accountService;
        this.messages = messages;
    }

    @GetMapping("/login")
    String login() {
        return "account/login";
    }

    @GetMapping("/account")
    String account() {
        return "account/account";
    }

    @PostMapping("/account/password")
    String changePassword(Principal principal, @RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String confirmPassword, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("account.password.mismatch");
            }
            accountService.changeOwnPassword(principal.getName(), currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.localizedMessage(messages, locale));
            return "account/account";
        }
        redirect.addFlashAttribute("notice", messages.getMessage("account.password.changed", null, locale));
        return "redirect:/account";
    }
}
