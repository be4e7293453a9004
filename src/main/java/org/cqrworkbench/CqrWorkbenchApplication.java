package org.cqrworkbench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CqrWorkbenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(CqrWorkbenchApplication.class, args);
    }
}
