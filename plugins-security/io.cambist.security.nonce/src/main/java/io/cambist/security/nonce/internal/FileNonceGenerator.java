package io.cambist.security.nonce.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.cambist.api.security.NonceGenerator;

/** The {@link NonceGenerator} service: {@link HighWaterMarks} under {@code data/nonces/generator/}. */
@Component(service = NonceGenerator.class, configurationPid = NonceConstants.PID)
public final class FileNonceGenerator implements NonceGenerator {

    private final HighWaterMarks marks;

    @Activate
    public FileNonceGenerator(BundleContext context, NonceConfiguration config) {
        this.marks = new HighWaterMarks(DataDirs.area(context, NonceConstants.AREA).resolve(NonceConstants.GENERATOR_DIR),
                config.generatorBlock(), System::currentTimeMillis);
    }

    @Override
    public long next(String keyAlias) {
        return marks.next(keyAlias);
    }
}
