package org.cqrworkbench.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserApiController {

    record NewUser(String username, String password, String displayName) {
    }

    record CreatedUser(long id, String username, String displayName) {
    }

    private final AccountService accountService;

    UserApiController(AccountService accountService) {
        this.accountService = accountService;
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedUser create(@RequestBody NewUser body) {
        UserAccount account = accountService.createUser(body.username(), body.password(), body.displayName());
        return new CreatedUser(account.getId(), account.getUsername(), account.getDisplayName());
    }
}
