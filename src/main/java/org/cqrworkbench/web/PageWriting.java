package org.cqrworkbench.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages are turned into bytes by the JDK's string encoder, in large pieces, instead of by the servlet container's
 * writer. A page is rendered into memory and written in one go; the container's writer then encodes it a few
 * kilobytes at a time, and once a transcript's first curly quote or accented letter comes along, one character at a
 * time: a quarter of the coding page's time. The bytes are the same.
 */
@Configuration(proxyBeanMethods = false)
class PageWriting {

    /** Characters gathered before they are encoded; a page written in one piece is encoded at once. */
    private static final int CHUNK = 8192;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pageWritingFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                EncodingResponse encoding = new EncodingResponse(response);
                try {
                    chain.doFilter(request, encoding);
                } finally {
                    encoding.finish();
                }
            }
        });
        // Inside every other filter, so that theirs are the wrappers around this one and all of them write through it.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    private static final class EncodingResponse extends HttpServletResponseWrapper {

        private PrintWriter writer;
        private EncodingWriter encoder;

        EncodingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                // As the container would: the encoding is fixed by the content type set before the writer is taken.
                encoder = new EncodingWriter(getOutputStream(), Charset.forName(getCharacterEncoding()));
                writer = new PrintWriter(encoder, false);
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            super.flushBuffer();
        }

        @Override
        public void resetBuffer() {
            if (encoder != null) {
                encoder.discard();
            }
            super.resetBuffer();
        }

        @Override
        public void reset() {
            if (encoder != null) {
                encoder.discard();
            }
            super.reset();
        }

        /** What is still gathered goes out before the container completes the response. */
        void finish() {
            if (writer != null) {
                writer.flush();
            }
        }
    }

    static final class EncodingWriter extends Writer {

        private final OutputStream out;
        private final Charset charset;
        private final StringBuilder gathered = new StringBuilder();

        EncodingWriter(OutputStream out, Charset charset) {
            this.out = out;
            this.charset = charset;
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            if (gathered.isEmpty() && length >= CHUNK && !Character.isHighSurrogate(text.charAt(offset + length - 1))) {
                out.write(text.substring(offset, offset + length).getBytes(charset));
                return;
            }
            gathered.append(text, offset, offset + length);
            if (gathered.length() >= CHUNK) {
                encode(false);
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            gathered.append(chars, offset, length);
            if (gathered.length() >= CHUNK) {
                encode(false);
            }
        }

        @Override
        public void flush() throws IOException {
            encode(true);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            encode(true);
            out.close();
        }

        void discard() {
            gathered.setLength(0);
        }

        /** Encodes what is gathered; the first half of a character written in two pieces waits for its second. */
        private void encode(boolean all) throws IOException {
            int end = gathered.length();
            if (!all && end > 0 && Character.isHighSurrogate(gathered.charAt(end - 1))) {
                end--;
            }
            if (end > 0) {
                out.write(gathered.substring(0, end).getBytes(charset));
                gathered.delete(0, end);
            }
        }
    }
}
