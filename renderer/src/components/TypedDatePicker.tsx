import { DatePicker, type DatePickerProps } from 'antd';
import type { FocusEvent } from 'react';

/**
 * A date (or date-time) field that takes what is typed into it. antd's picker keeps the old
 * text when a user types into a filled field (the new characters land beside the old ones and
 * the mix does not parse) and, with a time, waits for a confirm click that typing users never
 * make, so "now" was silently saved instead of the time typed. Here focusing selects the whole
 * text, so typing replaces it, and a valid typed value is taken when the field is left.
 */
export function TypedDatePicker(props: DatePickerProps) {
  return (
    <DatePicker
      needConfirm={false}
      {...props}
      onFocus={(event: FocusEvent<HTMLElement>, info) => {
        const input = event.target;
        if (input instanceof HTMLInputElement) input.select();
        props.onFocus?.(event, info);
      }}
    />
  );
}
