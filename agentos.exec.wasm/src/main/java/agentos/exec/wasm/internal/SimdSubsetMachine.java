package agentos.exec.wasm.internal;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.Instruction;
import java.util.Deque;

/**
 * Chicory's interpreter plus the few WASM SIMD instructions upstream's userland uses. Chicory implements SIMD in a
 * separate {@code simd} artifact that Maven Central does not serve; of the 133 upstream modules only coreutils'
 * {@code tr} and {@code wc} use SIMD, and only these seventeen instructions (counted by parsing every module).
 * Anything else still traps as an unknown instruction.
 *
 * <p>A v128 is two stack slots, low 64 bits first (as Chicory keeps v128 locals and globals); lanes are
 * little-endian, lane 0 in the low bits.
 */
final class SimdSubsetMachine extends InterpreterMachine {
    SimdSubsetMachine(Instance instance) {
        super(instance);
    }

    @Override
    protected void evalDefault(MStack stack, Instance instance, Deque<StackFrame> callStack, Instruction ins, Operands operands)
            throws ChicoryException {
        switch (ins.opcode()) {
            case V128_LOAD -> {
                int addr = readMemPtr(stack, operands);
                Memory m = instance.memory();
                stack.push(m.readLong(addr));
                stack.push(m.readLong(addr + 8));
            }
            case V128_STORE -> {
                long hi = stack.pop();
                long lo = stack.pop();
                int addr = readMemPtr(stack, operands);
                Memory m = instance.memory();
                m.writeLong(addr, lo);
                m.writeLong(addr + 8, hi);
            }
            case V128_CONST -> {
                stack.push(operands.get(0));
                stack.push(operands.get(1));
            }
            case I32x4_EXTRACT_LANE -> {
                long hi = stack.pop();
                long lo = stack.pop();
                int lane = (int) operands.get(0);
                long word = lane < 2 ? lo : hi;
                stack.push((int) (word >>> (32 * (lane & 1))));
            }
            case I8x16_EQ -> binary(stack, SimdSubsetMachine::bytesEqual);
            case I8x16_ALL_TRUE -> {
                long hi = stack.pop();
                long lo = stack.pop();
                stack.push(allBytesNonZero(lo) && allBytesNonZero(hi) ? 1 : 0);
            }
            case I16x8_ADD -> binary(stack, SimdSubsetMachine::add16);
            case I16x8_EXTADD_PAIRWISE_I8x16_U -> {
                long hi = stack.pop();
                long lo = stack.pop();
                stack.push(pairwise(lo, 8));
                stack.push(pairwise(hi, 8));
            }
            case I32x4_EXTADD_PAIRWISE_I16x8_U -> {
                long hi = stack.pop();
                long lo = stack.pop();
                stack.push(pairwise(lo, 16));
                stack.push(pairwise(hi, 16));
            }
            case I64x2_SPLAT -> {
                long x = stack.pop();
                stack.push(x);
                stack.push(x);
            }
            case I8x16_SPLAT -> {
                long w = (stack.pop() & 0xff) * 0x0101010101010101L;
                stack.push(w);
                stack.push(w);
            }
            case I64x2_REPLACE_LANE -> {
                long x = stack.pop();
                long hi = stack.pop();
                long lo = stack.pop();
                boolean low = operands.get(0) == 0;
                stack.push(low ? x : lo);
                stack.push(low ? hi : x);
            }
            case V128_AND -> binary(stack, (a, b) -> a & b);
            case V128_ANY_TRUE -> {
                long hi = stack.pop();
                long lo = stack.pop();
                stack.push((lo | hi) != 0 ? 1 : 0);
            }
            case I8x16_NE -> binary(stack, (a, b) -> ~bytesEqual(a, b));
            case I8x16_SUB -> binary(stack, SimdSubsetMachine::sub8);
            case I8x16_GT_S -> binary(stack, SimdSubsetMachine::greaterSigned8);
            default -> super.evalDefault(stack, instance, callStack, ins, operands);
        }
    }

    /** A lane-wise binary op: {@code op} applies to each 64-bit half (lanes never straddle the halves). */
    private static void binary(MStack stack, java.util.function.LongBinaryOperator op) {
        long bHi = stack.pop();
        long bLo = stack.pop();
        long aHi = stack.pop();
        long aLo = stack.pop();
        stack.push(op.applyAsLong(aLo, bLo));
        stack.push(op.applyAsLong(aHi, bHi));
    }

    private static long bytesEqual(long a, long b) {
        long out = 0;
        for (int i = 0; i < 8; i++) {
            if (((a >>> (8 * i)) & 0xff) == ((b >>> (8 * i)) & 0xff)) {
                out |= 0xffL << (8 * i);
            }
        }
        return out;
    }

    private static long sub8(long a, long b) {
        long out = 0;
        for (int i = 0; i < 8; i++) {
            long d = ((a >>> (8 * i)) - (b >>> (8 * i))) & 0xff;
            out |= d << (8 * i);
        }
        return out;
    }

    private static long greaterSigned8(long a, long b) {
        long out = 0;
        for (int i = 0; i < 8; i++) {
            if ((byte) (a >>> (8 * i)) > (byte) (b >>> (8 * i))) {
                out |= 0xffL << (8 * i);
            }
        }
        return out;
    }

    private static boolean allBytesNonZero(long v) {
        for (int i = 0; i < 8; i++) {
            if (((v >>> (8 * i)) & 0xff) == 0) {
                return false;
            }
        }
        return true;
    }

    private static long add16(long a, long b) {
        long out = 0;
        for (int i = 0; i < 4; i++) {
            long s = ((a >>> (16 * i)) + (b >>> (16 * i))) & 0xffff;
            out |= s << (16 * i);
        }
        return out;
    }

    /** Adds adjacent unsigned lanes of {@code bits} into lanes twice as wide (extadd_pairwise_*_u) within 64 bits. */
    private static long pairwise(long v, int bits) {
        long mask = (1L << bits) - 1;
        long out = 0;
        for (int i = 0; i < 64 / (2 * bits); i++) {
            long x = (v >>> (2 * bits * i)) & mask;
            long y = (v >>> (2 * bits * i + bits)) & mask;
            out |= (x + y) << (2 * bits * i);
        }
        return out;
    }
}
