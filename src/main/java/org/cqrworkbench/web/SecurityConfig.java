package org.cqrworkbench.web;

import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Every URL the application serves is named here with who may reach it; anything unnamed is denied,
 * so a new page is unreachable until someone decides its rule. Study membership and roles are
 * checked by each feature against the study in the URL.
 */
@Configuration
class SecurityConfig {

    /** No inline script or style anywhere, so injected markup cannot run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String[] PUBLIC_PAGES = {"/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico"};
    /** For monitoring: whether the workbench is up, and which build it runs. Details are for the administrator only. */
    static final String[] MONITORING = {"/actuator/health", "/actuator/health/**", "/actuator/info"};
    static final String[] ADMIN_PAGES = {"/admin/**"};
    static final String[] MEMBER_PAGES = {"/", "/studies/**", "/account/**"};
    static final String[] ADMIN_API = {"/api/users/**"};
    static final String[] MEMBER_API = {"/api/studies/**"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"CQR Workbench\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Authentication required.");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                writeProblem(json, response, HttpStatus.FORBIDDEN, "Your account may not do this.");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(ADMIN_API).hasRole("ADMIN")
                        .requestMatchers(MEMBER_API).authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Scripts authenticate on every request with Basic credentials; no browser cookie is involved.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers(MONITORING).permitAll()
                        .requestMatchers(ADMIN_PAGES).hasRole("ADMIN")
                        .requestMatchers(MEMBER_PAGES).authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).successHandler(loginSuccess()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * Signing in replaces the session's form token, and Spring Security makes the new one only when a page first asks
     * for it. Pages opened at once just after (tabs a browser restores, a page and its requests) would then each make
     * one and store it in the session table under the same name: all but one failed on the duplicate key. It is made
     * here, while signing in, so those pages only read it.
     */
    private static AuthenticationSuccessHandler loginSuccess() {
        SimpleUrlAuthenticationSuccessHandler home = new SimpleUrlAuthenticationSuccessHandler("/");
        home.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            home.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, e) -> {
            String reason = e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
    }

    private static void writeProblem(JsonMapper json, jakarta.servlet.http.HttpServletResponse response,
            HttpStatus status, String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }
}
