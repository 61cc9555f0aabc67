import { reduceErrors } from 'c/cwmLdsUtils';

describe('c-cwm-lds-utils reduceErrors', () => {
    it('reads a UI API error body', () => {
        const error = {
            body: { message: 'The requested resource does not exist' }
        };
        expect(reduceErrors(error)).toEqual([
            'The requested resource does not exist'
        ]);
    });

    it('reads a list of errors in the body', () => {
        const error = {
            body: [
                { message: 'INVALID_FIELD: No such column' },
                { message: 'Second' }
            ]
        };
        expect(reduceErrors([error])).toEqual([
            'INVALID_FIELD: No such column',
            'Second'
        ]);
    });

    it('reads page and field errors of a record save', () => {
        const error = {
            body: {
                message: 'An error occurred while trying to update the record.',
                output: {
                    errors: [{ message: 'Record is locked.' }],
                    fieldErrors: {
                        Status__c: [
                            {
                                message:
                                    'bad value for restricted picklist field: Maybe'
                            }
                        ]
                    }
                }
            }
        };
        expect(reduceErrors(error)).toEqual([
            'Record is locked.',
            'bad value for restricted picklist field: Maybe'
        ]);
    });

    it('falls back to the body message when the output is empty', () => {
        const error = { body: { message: 'Try again.', output: {} } };
        expect(reduceErrors(error)).toEqual(['Try again.']);
    });

    it('reads GraphQL errors, JavaScript errors and strings once each', () => {
        const errors = [
            { message: 'Field is undefined' },
            new TypeError('x is undefined'),
            'plain words',
            'plain words',
            undefined,
            { statusText: 'Service Unavailable' }
        ];
        expect(reduceErrors(errors)).toEqual([
            'Field is undefined',
            'x is undefined',
            'plain words',
            'Service Unavailable'
        ]);
    });

    it('gives nothing for nothing', () => {
        expect(reduceErrors(undefined)).toEqual([]);
    });
});
