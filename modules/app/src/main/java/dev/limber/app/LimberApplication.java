package dev.limber.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "dev.limber")
@ConfigurationPropertiesScan("dev.limber")
public class LimberApplication {

	public static void main(String[] args) {
		SpringApplication.run(LimberApplication.class, args);
	}

}
