package org.cqrworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.util.ArrayList;
import java.util.List;
import org.cqrworkbench.FlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every request mapping the application has, so a new page or endpoint cannot slip out
 * without a security rule: the list is read from Spring MVC, not written by hand.
 */
@FlowTest
class SecurityRulesTest {

    record Endpoint(HttpMethod method, String path) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final AntPathMatcher matcher = new AntPathMatcher();

    @Test
    void everyMappingIsCoveredByANamedRule() {
        List<String> named = new ArrayList<>();
        for (String[] group : List.of(SecurityConfig.PUBLIC_PAGES, SecurityConfig.ADMIN_PAGES, SecurityConfig.MEMBER_PAGES,
                SecurityConfig.ADMIN_API, SecurityConfig.MEMBER_API)) {
            named.addAll(List.of(group));
        }
        assertThat(endpoints()).isNotEmpty().allSatisfy(endpoint ->
                assertThat(named).as("a rule for " + endpoint).anyMatch(pattern -> matcher.match(pattern, endpoint.path())));
    }

    @Test
    void nothingButTheSignInPageIsReachableWithoutSigningIn() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            MvcResult result = mvc.perform(request(endpoint.method(), concrete(endpoint.path())).with(csrf())).andReturn();
            int status = result.getResponse().getStatus();
            if (endpoint.path().equals("/login")) {
                assertThat(status).as(endpoint.toString()).isEqualTo(200);
            } else if (endpoint.path().startsWith("/api/")) {
                assertThat(status).as(endpoint.toString()).isEqualTo(401);
            } else {
                assertThat(status).as(endpoint.toString()).isEqualTo(302);
                assertThat(result.getResponse().getRedirectedUrl()).as(endpoint.toString()).endsWith("/login");
            }
        }
    }

    @Test
    void administrationIsForTheSiteAdministratorOnly() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            boolean adminOnly = endpoint.path().startsWith("/admin/") || endpoint.path().startsWith("/api/users");
            if (!adminOnly) {
                continue;
            }
            int status = mvc.perform(request(endpoint.method(), concrete(endpoint.path())).with(user("someone")).with(csrf()))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(endpoint.toString()).isEqualTo(403);
        }
    }

    @Test
    void studyPagesAnswerNotFoundToSomeoneOutsideTheStudy() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.path().startsWith("/studies/{studyId}") && !endpoint.path().startsWith("/api/studies/{studyId}")) {
                continue;
            }
            var request = request(endpoint.method(), concrete(endpoint.path())).with(user("stranger")).with(csrf());
            if (endpoint.path().startsWith("/api/")) {
                request.contentType("application/json").content("{}");
            }
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            assertThat(status).as(endpoint.toString()).isIn(404, 400);
        }
    }

    @Test
    void pagesSendAContentSecurityPolicyThatForbidsInlineScript() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        assertThat(SecurityConfig.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "1");
    }

    /** Every (method, path) Spring MVC serves, path variables left as {names}. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (path.equals("/error")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), path));
                }
            }
        });
        return endpoints;
    }
}
