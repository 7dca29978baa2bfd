package vn.partywork.identity;

import java.time.Instant;

/**
 * A registered device with its one-time activation code, shown once to the administrator, who
 * hands it to the holder; the holder enters it on the device itself ({@code /account/device}).
 */
public record IssuedDeviceCode(DeviceView device, String activationCode, Instant validUntil) {

    @Override
    public String toString() {
        return "IssuedDeviceCode[device=" + device.id() + "]";
    }
}
