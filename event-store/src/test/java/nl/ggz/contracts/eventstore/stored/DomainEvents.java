package nl.ggz.contracts.eventstore.stored;

import org.axonframework.eventhandling.EventHandler;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event types of the domain, read from its compiled classes: what an aggregate constructs and hands straight to
 * {@code AggregateLifecycle.apply}, and what an event sourcing or event handler of the domain takes.
 */
final class DomainEvents {

    private static final String DOMAIN = "nl/ggz/contracts/domain/";
    private static final String LIFECYCLE = "org/axonframework/modelling/command/AggregateLifecycle";

    private DomainEvents() {
    }

    static Set<Class<?>> all() {
        Set<Class<?>> events = new TreeSet<>(Comparator.comparing(Class::getName));
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + DOMAIN + "**/*.class")) {
                try (InputStream in = resource.getInputStream()) {
                    ClassReader reader = new ClassReader(in);
                    reader.accept(new AppliedTypes(events), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                    for (Method method : load(reader.getClassName()).getDeclaredMethods()) {
                        if (method.getParameterCount() > 0
                                && AnnotatedElementUtils.hasAnnotation(method, EventHandler.class)
                                && method.getParameterTypes()[0].getName().replace('.', '/').startsWith(DOMAIN)) {
                            events.add(method.getParameterTypes()[0]);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    private static Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, DomainEvents.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code apply(new X(…))}: the last instruction before the call to apply is X's constructor. */
    private static final class AppliedTypes extends ClassVisitor {
        private final Set<Class<?>> events;

        AppliedTypes(Set<Class<?>> events) {
            super(SpringAsmInfo.ASM_VERSION);
            this.events = events;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                private String constructed;

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    if (opcode == Opcodes.INVOKESTATIC && owner.equals(LIFECYCLE) && method.equals("apply")
                            && constructed != null) {
                        events.add(load(constructed));
                    }
                    constructed = opcode == Opcodes.INVOKESPECIAL && method.equals("<init>")
                            && owner.startsWith(DOMAIN) ? owner : null;
                }

                @Override
                public void visitInsn(int opcode) {
                    constructed = null;
                }

                @Override
                public void visitVarInsn(int opcode, int varIndex) {
                    constructed = null;
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                    constructed = null;
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    constructed = null;
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constructed = null;
                }

                @Override
                public void visitIntInsn(int opcode, int operand) {
                    constructed = null;
                }
            };
        }
    }
}
