package org.cqrworkbench.account;

import java.security.Principal;
import java.util.Locale;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The site administrator's account management. It never shows study data. */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

    private final UserAccountRepository accounts;
    private final AccountService accountService;
    private final MessageSource messages;

    AdminUserController(UserAccountRepository accounts, AccountService accountService, MessageSource messages) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", accounts.findAllByOrderByUsernameAsc());
        return "account/users";
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
            Model model, Locale locale, RedirectAttributes redirect) {
        try {
            accountService.createUser(username, password, displayName);
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.localizedMessage(messages, locale));
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            return list(model);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("admin.user.created", new Object[] {username.trim()}, locale));
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Principal principal, Model model,
            Locale locale, RedirectAttributes redirect) {
        try {
            accountService.setEnabled(id, enabled, principal.getName());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String password, Locale locale, RedirectAttributes redirect) {
        try {
            accountService.resetPassword(id, password);
            redirect.addFlashAttribute("notice", messages.getMessage("admin.user.passwordReset", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.localizedMessage(messages, locale));
        }
        return "redirect:/admin/users";
    }
}
