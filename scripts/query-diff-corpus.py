#!/usr/bin/env python3
"""Line protocol with hostile values for scripts/query-diff: strings with escapes, control
characters and non-ASCII text, floats and integers in every shape the server keeps, booleans,
sparse fields (nulls), tags that need escaping, and enough rows to stream in many chunks."""
import sys

T0 = 1600000000000000000
SECOND = 1000000000


def quoted(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


def lines():
    strings = ['plain', 'with "quotes"', 'back\\slash', 'comma, inside', 'tab\there', 'snow ☃ emoji 😀 ü',
               'html <b>&amp;</b>', 'line\u2028sep', 'trailing\\', '', ' lead space', 'a"b', 'ctl\x01\x1f',
               'del\x7f', 'cr\rlf', '\\u0041 not an escape', 'ﬀ ligature', 'e\u0301 combining', '中文字符',
               'quote,"and,comma"', 'new\nline', 'x' * 300, '\ufffd replacement', '😀😀', 'slash/ok']
    for i, text in enumerate(strings):
        yield f'strs,host=h{i % 3} s={quoted(text)},n={i}i {T0 + i * SECOND}'
    floats = ['0.1', '1e-7', '1E-7', '1e21', '1.7976931348623157e308', '5e-324', '-0.0', '0.0',
              '123456789.123456789', '0.30000000000000004', '1e15', '1e16', '123456.7', '100.0', '2.5e-5',
              '-2.5e-05', '61.13', '0.6', '38.37', '-3.25', '9999999999.9999', '12345678901.5', '0.0001',
              '0.00001', '0.10', '1.50', '3.14159265358979', '-1234.5678', '1e-300', '4.9406564584124654e-324',
              '2.2250738585072014e-308', '0.1234', '7.0e2', '1e22', '1e-5', '99999999999999.9', '0.5e1',
              '1234567890.1234', '-9999999999.9999', '0.0005', '1.0000000000000002', '9007199254740993',
              '123e-2', '0.999999', '1e20', '123456789012345678']
    for i, number in enumerate(floats):
        yield f'floats,kind=k{i % 4} f={number} {T0 + i * SECOND}'
    integers = ['9223372036854775807', '-9223372036854775808', '0', '-1', '999999999999999999',
                '-999999999999999999', '1000000000000000000', '-1000000000000000000', '42', '-0',
                '1234567890123456789']
    for i, number in enumerate(integers):
        yield f'ints i={number}i {T0 + i * SECOND}'
    for i, flag in enumerate(['t', 'f', 'true', 'FALSE', 'T', 'False']):
        yield f'bools b={flag} {T0 + i * SECOND}'
    tags = [r'a\,b', r'sp\ ace', r'eq\=ual', 'uni☃', 'q"uote', 'plain']
    for i, tag in enumerate(tags):
        fields = [f'x={i}.25', f'y={i}i', f'z="z{i}"', 'w=true']
        present = ','.join(fields[j] for j in range(4) if (i + j) % 3 != 0)
        yield f'sparse,tag={tag},other=o{i % 2} {present} {T0 + i * SECOND}'
        yield f'sparse,tag={tag} {present} {T0 + i * SECOND + 1}'
    yield f'm\\,e\\ as,k=v v=1 {T0}'
    yield f'"quoted",k=v v=2 {T0}'
    for i in range(2500):
        yield f'many,host=h{i % 7} v={i * 0.37:.2f},c={i}i,s="r{i}" {T0 + i * 1000000}'


sys.stdout.write('\n'.join(lines()) + '\n')
