package vn.partywork;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Hệ thống thông tin công tác Đảng: one application, one module per top-level package. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class PartyworkApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "audit-verify".equals(args[0])) { // P-AU-1: offline check, no Spring context
            System.exit(vn.partywork.audit.AuditVerifyCommand.run(args));
        }
        SpringApplication.run(PartyworkApplication.class, args);
    }
}
