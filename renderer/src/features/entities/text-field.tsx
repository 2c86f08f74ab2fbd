import { Form, Input } from 'antd';

/** A text field of an entity form: blank counts as empty; at most 200 characters unless told. */
export function textField(
  name: string,
  label: string,
  options: { required?: boolean; max?: number; testId?: string } = {},
) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: options.required, whitespace: true, max: options.max ?? 200 }]}
    >
      <Input data-testid={options.testId} />
    </Form.Item>
  );
}
