package org.cqrworkbench.web;

import org.springframework.web.util.HtmlUtils;

/**
 * Escaping for the few places that write HTML in Java rather than in a template (a transcript's turns, the results
 * tables' rows, the study's progress grid): the same escaping as a template's th:text, so the pages read the same.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    public static void escape(String text, StringBuilder html) {
        if (text != null) {
            html.append(HtmlUtils.htmlEscape(text, "UTF-8"));
        }
    }
}
