from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.imsx_status_info import ImsxStatusInfo
from ...models.single_academic_session import SingleAcademicSession
from ...types import UNSET, Response, Unset, decode_json, released


def _get_kwargs(
    sourced_id: str,
    *,
    fields: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/academicSessions/{sourced_id}".format(
            sourced_id=quote(str(sourced_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImsxStatusInfo | SingleAcademicSession | None:
    if response.status_code == 200:
        response_200 = SingleAcademicSession.from_dict(decode_json(response.content))

        return response_200

    if response.status_code == 400:
        response_400 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_400

    if response.status_code == 401:
        response_401 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_401

    if response.status_code == 403:
        response_403 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_403

    if response.status_code == 404:
        response_404 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_404

    if response.status_code == 422:
        response_422 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_422

    if response.status_code == 429:
        response_429 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_429

    if response.status_code == 500:
        response_500 = ImsxStatusInfo.from_dict(decode_json(response.content))

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImsxStatusInfo | SingleAcademicSession]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> Response[ImsxStatusInfo | SingleAcademicSession]:
    """Get academic session.

    Args:
        sourced_id (str):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImsxStatusInfo | SingleAcademicSession]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
        fields=fields,
    )

    response = released(
        client.get_httpx_client().request(
            **kwargs,
        )
    )

    return _build_response(client=client, response=response)


def sync(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> ImsxStatusInfo | SingleAcademicSession | None:
    """Get academic session.

    Args:
        sourced_id (str):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImsxStatusInfo | SingleAcademicSession
    """

    return sync_detailed(
        sourced_id=sourced_id,
        client=client,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> Response[ImsxStatusInfo | SingleAcademicSession]:
    """Get academic session.

    Args:
        sourced_id (str):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImsxStatusInfo | SingleAcademicSession]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
        fields=fields,
    )

    response = released(await client.get_async_httpx_client().request(**kwargs))

    return _build_response(client=client, response=response)


async def asyncio(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> ImsxStatusInfo | SingleAcademicSession | None:
    """Get academic session.

    Args:
        sourced_id (str):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImsxStatusInfo | SingleAcademicSession
    """

    return (
        await asyncio_detailed(
            sourced_id=sourced_id,
            client=client,
            fields=fields,
        )
    ).parsed
