package vn.partywork.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.access.ReceivedShare;
import vn.partywork.access.RecordShares;
import vn.partywork.shared.AccessScope;

/** P-AZ-2: the records shared with the caller (any business account; its own shares only). */
@RestController
@RequestMapping("/api/v1/shares")
@Tag(name = "Chia sẻ hồ sơ", description = "Chia sẻ hồ sơ, tài liệu cho tài khoản được chỉ định, có thời hạn")
class ShareApiController {

    private final RecordShares shares;

    ShareApiController(RecordShares shares) {
        this.shares = shares;
    }

    @GetMapping("/received")
    @Operation(summary = "Hồ sơ, tài liệu đang được chia sẻ cho tài khoản đang đăng nhập (còn hạn)")
    List<ReceivedShare> received(AccessScope scope) {
        return shares.received(scope);
    }
}
